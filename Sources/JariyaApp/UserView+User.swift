import JariyaAPI
import JariyaStore

extension UserView {
    /// The API's view of a user: who they are and their role, never the hash.
    public init(_ user: User) {
        self.init(username: user.username, displayName: user.displayName, role: user.role.rawValue)
    }
}
