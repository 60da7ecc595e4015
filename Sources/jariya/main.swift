import Foundation
import JariyaCLI

// Parse, run one command, exit with its code: everything else lives in JariyaCLI.
exit(await Jariya.run(Array(CommandLine.arguments.dropFirst())))
