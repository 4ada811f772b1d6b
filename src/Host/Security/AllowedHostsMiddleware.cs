namespace ClipHost.Host.Security;

/// <summary>
/// First in the pipeline: nothing is answered before Kestrel's real addresses are known, and nothing whose Host
/// header names somebody else (DNS rebinding: evil.example resolving to 127.0.0.1 makes the browser treat this
/// service as that site's own). Hand-written rather than ASP.NET's HostFiltering because the allowed names depend on
/// the addresses bound at start, which HostFilteringOptions cannot express.
/// </summary>
public sealed class AllowedHostsMiddleware(RequestDelegate next, ServeExposure exposure)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (!exposure.Known)
        {
            await Refusals.WriteAsync(context, StatusCodes.Status503ServiceUnavailable, "the service is starting").ConfigureAwait(false);
            return;
        }
        if (!exposure.IsAllowedHost(context.Request.Host))
        {
            await Refusals.WriteAsync(context, StatusCodes.Status400BadRequest,
                $"Host '{context.Request.Host}' is not a name of this service; add it to Serve:AllowedHosts if it is").ConfigureAwait(false);
            return;
        }
        await next(context).ConfigureAwait(false);
    }
}
