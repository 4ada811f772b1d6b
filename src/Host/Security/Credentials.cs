using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;

namespace ClipHost.Host.Security;

/// <summary>The two credentials the service knows, compared in constant time (hashes first, so lengths leak nothing).</summary>
internal static class Credentials
{
    public static bool ApiKeyMatches(string? given, string? expected) => given is not null && expected is not null && Same(given, expected);

    /// <summary>HTTP basic auth: "Basic base64(user:password)"; anything malformed is simply wrong.</summary>
    public static bool BasicMatches(string? authorization, string? user, string? password)
    {
        if (user is null || password is null || !AuthenticationHeaderValue.TryParse(authorization, out var header)
            || !string.Equals(header.Scheme, "Basic", StringComparison.OrdinalIgnoreCase) || header.Parameter is not { } encoded)
        {
            return false;
        }
        string pair;
        try
        {
            pair = Encoding.UTF8.GetString(Convert.FromBase64String(encoded));
        }
        catch (FormatException)
        {
            return false;
        }
        var colon = pair.IndexOf(':', StringComparison.Ordinal);
        return colon > 0 && Same(pair[..colon], user) & Same(pair[(colon + 1)..], password);
    }

    private static bool Same(string a, string b) =>
        CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(a)), SHA256.HashData(Encoding.UTF8.GetBytes(b)));
}
