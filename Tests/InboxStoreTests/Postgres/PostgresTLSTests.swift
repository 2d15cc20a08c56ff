import Foundation
import Testing
@testable import InboxStore

/// The second server `scripts/with-postgres` starts: TLS on a local TCP port, with a
/// certificate made for `localhost` for the run (`$WEBCARE_TEST_POSTGRES_TLS`: its port
/// and the certificate's file).
let tlsTestServer: (port: String, certificate: String)? = ProcessInfo.processInfo
    .environment["WEBCARE_TEST_POSTGRES_TLS"].flatMap { value in
        let parts = value.split(separator: " ", maxSplits: 1).map(String.init)
        return parts.count == 2 ? (parts[0], parts[1]) : nil
    }

@Suite("PostgreSQL over TLS: sslmode as libpq reads it, the certificate checked when asked",
       .enabled(if: tlsTestServer != nil, "needs the TLS server scripts/test starts"))
struct PostgresTLSTests {

    /// Whether the server says this session is encrypted.
    func encrypted(_ uri: String) throws -> Bool {
        let session = try PostgresSession(try PostgresLocation(uri: uri, environment: [:]))
        return try session.rows("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()")[0]["ssl"]
    }

    func uri(host: String, _ parameters: String) -> String {
        "postgresql://postgres@\(host):\(tlsTestServer!.port)/postgres?\(parameters)"
    }

    @Test("verify-full with the server's certificate, and require, encrypt; disable does not")
    func encrypts() throws {
        let certificate = tlsTestServer!.certificate
        #expect(try encrypted(uri(host: "localhost", "sslmode=verify-full&sslrootcert=\(certificate)")))
        #expect(try encrypted(uri(host: "localhost", "sslmode=require")))
        #expect(try encrypted(uri(host: "127.0.0.1", "sslmode=verify-ca&sslrootcert=\(certificate)")))
        #expect(try !encrypted(uri(host: "localhost", "sslmode=disable")))
    }

    @Test("verify-full refuses a server whose certificate names another host, and one no root vouches for")
    func checksTheCertificate() throws {
        let certificate = tlsTestServer!.certificate
        func refusal(_ uri: String) -> String {
            do {
                _ = try encrypted(uri)
                return "connected"
            } catch {
                return "\(error)"
            }
        }
        #expect(refusal(uri(host: "127.0.0.1", "sslmode=verify-full&sslrootcert=\(certificate)"))
            .contains("the server's certificate does not name this host"))
        #expect(refusal(uri(host: "localhost", "sslmode=verify-full"))
            .contains("not signed by a root this machine trusts (give its root with sslrootcert=FILE)"))
    }
}
