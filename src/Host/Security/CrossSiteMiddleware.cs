using ClipHost.Host.Options;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace ClipHost.Host.Security;

/// <summary>
/// Cross-site request forgery: a state-changing request (anything but GET, HEAD, OPTIONS) from a browser must come
/// from this service's own origin (or one in Serve:AllowedOrigins), judged by Origin and, when a browser sends no
/// Origin, by Sec-Fetch-Site. API bodies must be JSON: a page elsewhere can send text/plain or a form without asking,
/// but JSON needs a CORS preflight, which this service never grants. The dashboard's forms also carry antiforgery
/// tokens (Hangfire checks them once IAntiforgery is registered); this check does not depend on them.
/// </summary>
public sealed class CrossSiteMiddleware(RequestDelegate next, IOptions<ServeOptions> options)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method))
        {
            await next(context).ConfigureAwait(false);
            return;
        }
        if (CrossSiteReason(request) is { } reason)
        {
            await Refusals.WriteAsync(context, StatusCodes.Status403Forbidden, reason).ConfigureAwait(false);
            return;
        }
        if (!CredentialsMiddleware.IsDashboard(request.Path) && HasBody(request) && !IsJson(request.ContentType))
        {
            await Refusals.WriteAsync(context, StatusCodes.Status415UnsupportedMediaType,
                $"Content-Type '{request.ContentType}' is not accepted; send the body as application/json").ConfigureAwait(false);
            return;
        }
        await next(context).ConfigureAwait(false);
    }

    private string? CrossSiteReason(HttpRequest request)
    {
        var own = $"{request.Scheme}://{request.Host}";
        if (request.Headers.Origin is { Count: > 0 } origins)
        {
            var origin = origins.ToString().TrimEnd('/');
            return string.Equals(origin, own, StringComparison.OrdinalIgnoreCase) || options.Value.AllowedOriginList.Contains(origin, StringComparer.OrdinalIgnoreCase)
                ? null
                : $"cross-origin request refused: Origin {origin} is not {own}; add it to Serve:AllowedOrigins if it is yours";
        }
        // Browsers send Sec-Fetch-Site on every request; tools such as curl send neither header and are not browsers.
        var site = request.Headers["Sec-Fetch-Site"].ToString();
        return site is "" or "same-origin" or "none" ? null : $"cross-site request refused (Sec-Fetch-Site: {site})";
    }

    private static bool HasBody(HttpRequest request) => request.ContentLength > 0 || request.Headers.TransferEncoding.Count > 0 || request.ContentType is not null;

    private static bool IsJson(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var media)
        && (media.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase) || media.MediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase));
}
