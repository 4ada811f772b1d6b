using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using ClipHost.Host.Options;
using Hangfire.Dashboard;

namespace ClipHost.Host.Security;

/// <summary>
/// The dashboard answers everyone when the service listens on loopback only; otherwise it asks for the configured
/// user and password (HTTP basic auth: put TLS in front of a service that leaves the machine).
/// </summary>
public sealed class DashboardAuthorization(ServeOptions options) : IDashboardAuthorizationFilter
{
    public bool Authorize(DashboardContext context)
    {
        if (!options.BeyondLoopback)
        {
            return true;
        }
        var http = context.GetHttpContext();
        if (AuthenticationHeaderValue.TryParse(http.Request.Headers.Authorization, out var header)
            && string.Equals(header.Scheme, "Basic", StringComparison.OrdinalIgnoreCase) && header.Parameter is { } encoded)
        {
            try
            {
                var pair = Encoding.UTF8.GetString(Convert.FromBase64String(encoded));
                var colon = pair.IndexOf(':', StringComparison.Ordinal);
                if (colon > 0 && Same(pair[..colon], options.DashboardUser!) & Same(pair[(colon + 1)..], options.DashboardPassword!))
                {
                    return true;
                }
            }
            catch (FormatException)
            {
                // Not base64: unauthorised like any other wrong credential.
            }
        }
        http.Response.Headers.WWWAuthenticate = "Basic realm=\"ClipHost\", charset=\"UTF-8\"";
        return false;
    }

    private static bool Same(string a, string b) =>
        CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(a)), SHA256.HashData(Encoding.UTF8.GetBytes(b)));
}
