import Foundation
import Hummingbird
import JariyaAPI
import JariyaCore
import JariyaStore

extension UserView {
    init(_ user: User) {
        self.init(username: user.username, displayName: user.displayName, role: user.role.rawValue)
    }
}

extension LoginView: ResponseEncodable {}
extension AttemptView: ResponseEncodable {}
extension ResultView: ResponseEncodable {}
extension SaveView: ResponseEncodable {}
extension MyCoursesView: ResponseEncodable {}

/// "85.00" from 8500 basis points; "2.33" from 233 hundredths.
func hundredths(_ value: Int) -> String { Hundredths.text(value) }
