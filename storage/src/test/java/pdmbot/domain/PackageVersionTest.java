package pdmbot.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PackageVersionTest {

    @Test
    void the_omnibus_tag_form_with_a_plus_reads_as_the_same_version_and_is_shown_with_a_dash() {
        // release-tools lib/release_tools/auto_deploy/tag.rb: the tag has '+', the package name '-'
        PackageVersion tag = PackageVersion.parse("16.7.202311100920+a9dea194d31.085441b6358").orElseThrow();

        assertThat(tag).isEqualTo(PackageVersion.parse("16.7.202311100920-a9dea194d31.085441b6358").orElseThrow());
        assertThat(tag.toString()).isEqualTo("16.7.202311100920-a9dea194d31.085441b6358");
        assertThat(PackageVersion.find("refs/tags/16.7.202311100920+a9dea194d31.085441b6358")).contains(tag);
    }

    @Test
    void other_separators_are_not_a_version() {
        assertThat(PackageVersion.parse("16.7.202311100920_a9dea194d31.085441b6358")).isEmpty();
    }
}
