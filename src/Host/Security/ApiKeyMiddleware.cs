using System.Security.Cryptography;
using System.Text;
using ClipHost.Host.Options;
using Microsoft.Extensions.Options;

namespace ClipHost.Host.Security;

/// <summary>
/// When the service listens beyond loopback, every /api request must carry the configured key in X-Api-Key
/// (compared in constant time). On loopback only, the API is open, as the dashboard is.
/// </summary>
public sealed class ApiKeyMiddleware(RequestDelegate next, IOptions<ServeOptions> options)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var serve = options.Value;
        if (serve.BeyondLoopback && context.Request.Path.StartsWithSegments("/api", StringComparison.Ordinal) && !Matches(context.Request.Headers[ServeOptions.ApiKeyHeader], serve.ApiKey!))
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            await context.Response.WriteAsJsonAsync(new { error = $"missing or wrong {ServeOptions.ApiKeyHeader} header" }).ConfigureAwait(false);
            return;
        }
        await next(context).ConfigureAwait(false);
    }

    private static bool Matches(string? given, string expected) =>
        given is not null && CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(given)), SHA256.HashData(Encoding.UTF8.GetBytes(expected)));
}
