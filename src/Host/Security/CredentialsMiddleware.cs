using ClipHost.Host.Options;
using Microsoft.Extensions.Options;

namespace ClipHost.Host.Security;

/// <summary>
/// Beyond loopback every request needs a credential, decided by the path without regard to case (routing ignores
/// case, so must this): the dashboard's pages need its basic-auth user, everything else the API key in X-Api-Key.
/// Failing closed on unknown paths means a path spelled in a way routing accepts cannot slip past.
/// </summary>
public sealed class CredentialsMiddleware(RequestDelegate next, ServeExposure exposure, IOptions<ServeOptions> options)
{
    /// <summary>Set on requests this middleware let through with dashboard credentials (read by the dashboard's filter).</summary>
    public const string DashboardUserItem = "ClipHost.DashboardUser";

    public async Task InvokeAsync(HttpContext context)
    {
        if (!exposure.BeyondLoopback)
        {
            await next(context).ConfigureAwait(false);
            return;
        }
        var serve = options.Value;
        if (IsDashboard(context.Request.Path))
        {
            if (!Credentials.BasicMatches(context.Request.Headers.Authorization, serve.DashboardUser, serve.DashboardPassword))
            {
                context.Response.Headers.WWWAuthenticate = "Basic realm=\"ClipHost\", charset=\"UTF-8\"";
                await Refusals.WriteAsync(context, StatusCodes.Status401Unauthorized, "the dashboard needs its user and password").ConfigureAwait(false);
                return;
            }
            context.Items[DashboardUserItem] = serve.DashboardUser;
        }
        else if (!Credentials.ApiKeyMatches(context.Request.Headers[ServeOptions.ApiKeyHeader], serve.ApiKey))
        {
            await Refusals.WriteAsync(context, StatusCodes.Status401Unauthorized, $"missing or wrong {ServeOptions.ApiKeyHeader} header").ConfigureAwait(false);
            return;
        }
        await next(context).ConfigureAwait(false);
    }

    public static bool IsDashboard(PathString path) => path.StartsWithSegments(DashboardExtensions.Path, StringComparison.OrdinalIgnoreCase);
}
