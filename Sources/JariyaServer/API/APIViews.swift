import Foundation
import Hummingbird
import JariyaApp
import JariyaAPI
import JariyaCore
import JariyaStore

extension LoginView: ResponseEncodable {}
extension AttemptView: ResponseEncodable {}
extension ResultView: ResponseEncodable {}
extension SaveView: ResponseEncodable {}
extension MyCoursesView: ResponseEncodable {}

/// "85.00" from 8500 basis points; "2.33" from 233 hundredths.
func hundredths(_ value: Int) -> String { Hundredths.text(value) }
