package pdmbot.config;

import java.util.List;

/**
 * GitLab connection; the tokens come from {@code token-env}/{@code token-file} and {@code ops-token-env}/
 * {@code ops-token-file}, never from this file. {@code ops-url} is the instance the deployer and QA pipelines
 * run on (empty: {@code url}); {@code package-convention} is {@code omnibus-tags} (GitLab.com: package tags in
 * {@code package-project}, code in {@code security-project}) or {@code code-tags} (package tags on {@code project}).
 */
public record GitlabConfig(String url, String project, String securityProject, String productionProject,
                           String tokenEnv, String tokenFile, Integer timeoutSeconds, String releaseIssue,
                           String pdmPipelineProject, String pdmPipelineRef, String qaPipelineProject, String qaPipelineRef,
                           String opsUrl, String opsTokenEnv, String opsTokenFile, String packageConvention,
                           String packageProject, String defaultBranch, String incidentLabel, String changeLabel,
                           String blocksDeploymentsLabel, Integer retryAfterMaxSeconds, String pdmPipelineOnlyVariable) {

    public GitlabConfig {
        if (opsTokenEnv == null || opsTokenEnv.isBlank()) opsTokenEnv = "PDM_GITLAB_OPS_TOKEN";
        if (packageConvention == null || packageConvention.isBlank()) packageConvention = "omnibus-tags";
        if (!List.of("omnibus-tags", "code-tags").contains(packageConvention))
            throw new IllegalArgumentException("package-convention: must be omnibus-tags or code-tags, not '"
                    + packageConvention + "'");
        if (packageProject == null || packageProject.isBlank()) packageProject = "gitlab-org/security/omnibus-gitlab";
        if (defaultBranch == null || defaultBranch.isBlank()) defaultBranch = "master";
        if (incidentLabel == null || incidentLabel.isBlank()) incidentLabel = "Incident::Active";
        if (changeLabel == null || changeLabel.isBlank()) changeLabel = "change::in-progress";
        if (blocksDeploymentsLabel == null || blocksDeploymentsLabel.isBlank()) blocksDeploymentsLabel = "blocks deployments";
        if (pdmPipelineProject == null || pdmPipelineProject.isBlank()) pdmPipelineProject = "gitlab-com/gl-infra/deployer";
        if (pdmPipelineRef == null || pdmPipelineRef.isBlank()) pdmPipelineRef = "master";
        if (qaPipelineProject == null || qaPipelineProject.isBlank()) qaPipelineProject = "gitlab-org/quality/staging";
        if (qaPipelineRef == null || qaPipelineRef.isBlank()) qaPipelineRef = "master";
        if (url == null || url.isBlank()) url = "https://gitlab.com";
        if (project == null || project.isBlank()) project = "gitlab-org/gitlab";
        if (securityProject == null || securityProject.isBlank()) securityProject = "gitlab-org/security/gitlab";
        if (productionProject == null || productionProject.isBlank()) productionProject = "gitlab-com/gl-infra/production";
        if (tokenEnv == null || tokenEnv.isBlank()) tokenEnv = "PDM_GITLAB_TOKEN";
        if (timeoutSeconds == null) timeoutSeconds = 20;
        if (timeoutSeconds <= 0) throw new IllegalArgumentException("timeout-seconds: must be a positive number of seconds");
        // the longest Retry-After a GitLab call waits for (a rate limit's period can be a minute)
        if (retryAfterMaxSeconds == null) retryAfterMaxSeconds = 60;
        if (retryAfterMaxSeconds < 0)
            throw new IllegalArgumentException("retry-after-max-seconds: must be 0 or a positive number of seconds");
        // this project's convention, not GitLab's: see GitLabSettings.Pipelines#onlyVariable
        if (pdmPipelineOnlyVariable == null || pdmPipelineOnlyVariable.isBlank()) pdmPipelineOnlyVariable = "PDM_MIGRATION_VERSIONS";
        if (!pdmPipelineOnlyVariable.matches("[A-Za-z_][A-Za-z0-9_]*"))
            throw new IllegalArgumentException("pdm-pipeline-only-variable: must be a CI variable name (letters, digits, _), not '"
                    + pdmPipelineOnlyVariable + "'");
    }
}
