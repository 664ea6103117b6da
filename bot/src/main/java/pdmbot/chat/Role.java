package pdmbot.chat;

/** What a caller may do: everyone may ask; release managers may also execute, lock, retry and promote. */
public enum Role {
    EVERYONE("everyone"),
    RELEASE_MANAGER("release_manager");

    private final String id;

    Role(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public boolean allows(Role required) {
        return required == EVERYONE || this == RELEASE_MANAGER;
    }

    @Override
    public String toString() {
        return id;
    }
}
