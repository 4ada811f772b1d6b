using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.Options;

namespace ClipHost.Host.Options;

/// <summary>
/// Refuses to start when a secret sits in a JSON settings file, which gets committed and copied around: the API
/// key, the dashboard password and a database password belong in the environment file or user-secrets.
/// </summary>
public sealed class SecretsPlacementValidator(IConfiguration configuration) : IValidateOptions<ServeOptions>
{
    private static readonly string[] SecretKeys = ["Serve:ApiKey", "Serve:DashboardPassword"];

    public ValidateOptionsResult Validate(string? name, ServeOptions options)
    {
        if (configuration is not IConfigurationRoot root)
        {
            return ValidateOptionsResult.Skip;
        }
        var failures = new List<string>();
        foreach (var provider in root.Providers.OfType<JsonConfigurationProvider>().Where(p => p.Source.Path?.EndsWith("secrets.json", StringComparison.Ordinal) != true))
        {
            var file = provider.Source.Path;
            failures.AddRange(SecretKeys.Where(k => provider.TryGet(k, out var v) && !string.IsNullOrEmpty(v))
                .Select(k => $"{k.Replace(':', '.')}: a secret must not be in {file}; set CLIPHOST_{k.Replace(":", "__", StringComparison.Ordinal)} in the environment or use user-secrets"));
            if (provider.TryGet("ConnectionStrings:Hangfire", out var cs) && cs?.Contains("password", StringComparison.OrdinalIgnoreCase) == true)
            {
                failures.Add($"ConnectionStrings.Hangfire: a connection string with a password must not be in {file}; set ConnectionStrings__Hangfire in the environment");
            }
        }
        return failures.Count > 0 ? ValidateOptionsResult.Fail(failures) : ValidateOptionsResult.Success;
    }
}
