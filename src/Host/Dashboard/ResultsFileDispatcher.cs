using ClipHost.Reports;
using Hangfire.Dashboard;

namespace ClipHost.Host.Dashboard;

/// <summary>
/// A run's file (a checkpoint, a result) or a page's figure. Names from the URL are hostile: the lookup gives null
/// for anything that is not a run's file or a page's figure, and that is a 404 with nothing read. Files are served
/// as downloads, never as content the dashboard's origin would render.
/// </summary>
public sealed class ResultsFileDispatcher(Func<DashboardContext, (Func<Stream> Open, string ContentType, bool Download)?> find) : IDashboardDispatcher
{
    public async Task Dispatch(DashboardContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var http = context.GetHttpContext();
        if (find(context) is not { } file)
        {
            context.Response.StatusCode = 404;
            return;
        }
        context.Response.ContentType = file.ContentType;
        http.Response.Headers.XContentTypeOptions = "nosniff";
        if (file.Download)
        {
            http.Response.Headers.ContentDisposition = "attachment";
        }
        await using var stream = file.Open();
        await stream.CopyToAsync(context.Response.Body, http.RequestAborted).ConfigureAwait(false);
    }

    /// <summary>A run's file from the URL's id and path.</summary>
    public static (Func<Stream>, string, bool)? RunFile(RunStore runs, DashboardContext context)
    {
        var path = RunFiles.Resolve(runs.Root, context.UriMatch.Groups["id"].Value, context.UriMatch.Groups["path"].Value);
        return path is null ? null : (() => File.OpenRead(path), path.EndsWith(".json", StringComparison.Ordinal) ? "application/json" : "application/octet-stream", true);
    }

    /// <summary>A figure of a page rebuilt from the URL (null page or unknown figure: none).</summary>
    public static (Func<Stream>, string, bool)? Figure(ResultsPage? page, DashboardContext context)
    {
        var format = context.UriMatch.Groups["format"].Value;
        if (page?.Figure(context.UriMatch.Groups["name"].Value) is not { } figure)
        {
            return null;
        }
        var bytes = figure.Render(format);
        return (() => new MemoryStream(bytes), ResultsFigure.ContentType(format), format == "csv");
    }
}
