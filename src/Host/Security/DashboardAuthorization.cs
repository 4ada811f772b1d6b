using Hangfire.Dashboard;

namespace ClipHost.Host.Security;

/// <summary>
/// Hangfire's own gate, behind <see cref="CredentialsMiddleware"/>: open when the service listens on loopback only,
/// otherwise only for requests that middleware let in with the dashboard's user. Two checks, so that a change to
/// one (a route mapped outside the middleware, say) does not open the dashboard.
/// </summary>
public sealed class DashboardAuthorization(ServeExposure exposure) : IDashboardAuthorizationFilter
{
    public bool Authorize(DashboardContext context) =>
        exposure.Known && (!exposure.BeyondLoopback || context.GetHttpContext().Items.ContainsKey(CredentialsMiddleware.DashboardUserItem));
}
