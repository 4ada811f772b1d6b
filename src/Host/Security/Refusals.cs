namespace ClipHost.Host.Security;

/// <summary>How the security middleware says no: the status and one JSON error naming what is wrong.</summary>
internal static class Refusals
{
    public static Task WriteAsync(HttpContext context, int status, string error)
    {
        context.Response.StatusCode = status;
        return context.Response.WriteAsJsonAsync(new { error }, context.RequestAborted);
    }
}
