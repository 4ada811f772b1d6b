using Microsoft.Extensions.Options;

namespace ClipHost.Host.Options;

/// <summary>Valid URLs and timeout; credentials whenever the service listens beyond loopback.</summary>
public sealed class ServeOptionsValidator : IValidateOptions<ServeOptions>
{
    public ValidateOptionsResult Validate(string? name, ServeOptions options)
    {
        var failures = new List<string>();
        if (options.UrlList.Count == 0)
        {
            failures.Add("Serve.Urls: give at least one URL, e.g. http://127.0.0.1:5080");
        }
        foreach (var url in options.UrlList.Where(u => !ServeOptions.TryParse(u, out _)))
        {
            failures.Add($"Serve.Urls: '{url}' is not a URL");
        }
        if (options.ShutdownTimeoutSeconds is < 1 or > 3600)
        {
            failures.Add("Serve.ShutdownTimeoutSeconds: between 1 and 3600");
        }
        if (options.BeyondLoopback)
        {
            failures.AddRange(CredentialFailures(options, options.Urls));
        }
        foreach (var host in options.AllowedHostList.Where(h => h != "*" && Uri.CheckHostName(h.Trim('[', ']')) == UriHostNameType.Unknown))
        {
            failures.Add($"Serve.AllowedHosts: '{host}' is not a host name or address");
        }
        foreach (var origin in options.AllowedOriginList.Where(o => !Uri.TryCreate(o, UriKind.Absolute, out var u) || u.Scheme is not ("http" or "https") || u.AbsolutePath != "/"))
        {
            failures.Add($"Serve.AllowedOrigins: '{origin}' is not an origin like https://clip.example.org");
        }
        return failures.Count > 0 ? ValidateOptionsResult.Fail(failures) : ValidateOptionsResult.Success;
    }

    /// <summary>What is missing to listen on <paramref name="where"/>, which reaches beyond loopback.</summary>
    public static List<string> CredentialFailures(ServeOptions options, string where)
    {
        var failures = new List<string>();
        if (string.IsNullOrEmpty(options.ApiKey))
        {
            failures.Add($"Serve.ApiKey: required when listening beyond loopback ({where}); set CLIPHOST_Serve__ApiKey in the environment or user-secrets");
        }
        if (string.IsNullOrEmpty(options.DashboardUser) || string.IsNullOrEmpty(options.DashboardPassword))
        {
            failures.Add($"Serve.DashboardUser/DashboardPassword: required when listening beyond loopback ({where}); set CLIPHOST_Serve__DashboardUser and CLIPHOST_Serve__DashboardPassword");
        }
        return failures;
    }
}
