namespace ClipHost.Host.Options;

/// <summary>
/// The service's address and credentials. On loopback the dashboard and the API answer without credentials; bound
/// anywhere else they need them, and the service refuses to start without. Credentials come from the environment
/// (CLIPHOST_Serve__ApiKey, ...) or user-secrets, never from appsettings.json.
/// </summary>
public sealed class ServeOptions
{
    public const string SectionName = "Serve";
    public const string ApiKeyHeader = "X-Api-Key";

    /// <summary>Kestrel URLs, ';'-separated.</summary>
    public string Urls { get; set; } = "http://127.0.0.1:5080";

    /// <summary>Required in the X-Api-Key header of API requests when bound beyond loopback.</summary>
    public string? ApiKey { get; set; }

    /// <summary>Basic-auth user name for the dashboard when bound beyond loopback.</summary>
    public string? DashboardUser { get; set; }

    public string? DashboardPassword { get; set; }

    /// <summary>
    /// Extra Host header names the service answers to, ';'-separated, beside loopback and the addresses it binds (a DNS
    /// name in front of it, say); "*" turns the check off (only behind a proxy that checks Host itself).
    /// </summary>
    public string AllowedHosts { get; set; } = "";

    /// <summary>
    /// Extra origins whose pages may send state-changing requests, ';'-separated (e.g. https://clip.example.org when a
    /// TLS proxy serves the dashboard); the service's own origin is always allowed.
    /// </summary>
    public string AllowedOrigins { get; set; } = "";

    /// <summary>How long a stop (SIGTERM) waits for running jobs to write their checkpoints.</summary>
    public int ShutdownTimeoutSeconds { get; set; } = 60;

    public IReadOnlyList<string> UrlList => Split(Urls);

    public IReadOnlyList<string> AllowedHostList => Split(AllowedHosts);

    public IReadOnlyList<string> AllowedOriginList => [.. Split(AllowedOrigins).Select(o => o.TrimEnd('/'))];

    /// <summary>True when any URL listens beyond the loopback interface ("*", "+", 0.0.0.0, a LAN address, a host name).</summary>
    public bool BeyondLoopback => UrlList.Any(u => !IsLoopback(u));

    public static bool IsLoopback(string url) => TryParse(url, out var uri) && uri.IsLoopback;

    /// <summary>Parses a Kestrel URL; the "any address" hosts "*" and "+" are not valid URI hosts, so they stand in as a name.</summary>
    public static bool TryParse(string url, out Uri uri) =>
        Uri.TryCreate(url.Replace("://*", "://wildcard", StringComparison.Ordinal).Replace("://+", "://wildcard", StringComparison.Ordinal), UriKind.Absolute, out uri!);

    private static string[] Split(string value) => value.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
