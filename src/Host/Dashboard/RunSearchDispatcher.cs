using System.Text.Json;
using ClipHost.Engine.Data.Store;
using ClipHost.Engine.Paths;
using ClipHost.Host.Commands;
using Hangfire.Dashboard;
using Microsoft.AspNetCore.Antiforgery;

namespace ClipHost.Host.Dashboard;

/// <summary>
/// POST /results/runs/{id}/search/image: the search page's dropped image, as JSON <c>{store, split, k, image}</c> (base64),
/// answered with the results' HTML. A POST from a page must carry the page's antiforgery token (checked here, whatever
/// the dashboard middleware does), and the body is read up to a bound before it is parsed.
/// </summary>
public sealed class RunSearchDispatcher(IServiceProvider services) : IDashboardDispatcher
{
    /// <summary>An image of <see cref="Engine.Interop.EmbeddingInputs.MaxImageBytes"/> as base64, and room for the rest.</summary>
    private const long MaxBody = (Engine.Interop.EmbeddingInputs.MaxImageBytes * 4 / 3) + 4096;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task Dispatch(DashboardContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var http = context.GetHttpContext();
        context.Response.ContentType = "text/html; charset=utf-8";
        if (!HttpMethods.IsPost(http.Request.Method))
        {
            context.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            return;
        }
        if (services.GetService<IAntiforgery>() is { } antiforgery && !await antiforgery.IsRequestValidAsync(http).ConfigureAwait(false))
        {
            await Write(context, StatusCodes.Status403Forbidden, RunSearchHtml.Refused(["the request carries no valid antiforgery token: search from the page"])).ConfigureAwait(false);
            return;
        }
        if (http.Request.ContentLength is null or > MaxBody)
        {
            await Write(context, StatusCodes.Status413PayloadTooLarge, RunSearchHtml.Refused([$"image: the body must state its length and be at most {MaxBody} bytes"])).ConfigureAwait(false);
            return;
        }
        var runId = context.UriMatch.Groups["id"].Value;
        DroppedImage? body;
        try
        {
            body = await JsonSerializer.DeserializeAsync<DroppedImage>(http.Request.Body, Json, http.RequestAborted).ConfigureAwait(false);
        }
        catch (JsonException e)
        {
            await Write(context, StatusCodes.Status400BadRequest, RunSearchHtml.Refused([$"the body is not the page's JSON: {e.Message}"])).ConfigureAwait(false);
            return;
        }
        var bytes = body?.Image is { } base64 && TryBase64(base64) is { } decoded ? decoded : null;
        if (body is null || bytes is null)
        {
            await Write(context, StatusCodes.Status400BadRequest, RunSearchHtml.Refused(["image: give the image as base64"])).ConfigureAwait(false);
            return;
        }
        var query = new RunSearchQuery(body.Store ?? string.Empty, string.IsNullOrEmpty(body.Split) ? null : body.Split, null, null, body.K ?? 10);
        var command = new SearchRunCommand(runId, query.Store) { Split = query.Split, Image = bytes, K = query.K };
        var pageUrl = context.Request.PathBase + ResultsRoutes.Prefix + $"/runs/{Uri.EscapeDataString(runId)}/search";
        var (html, status) = await Task.Run(() => Render(services, command, query, pageUrl)).ConfigureAwait(false);
        await Write(context, status, html).ConfigureAwait(false);
    }

    /// <summary>Runs the search and renders its hits, or the refusal naming the field (400); an unknown run is 404.</summary>
    public static (string Html, int Status) Render(IServiceProvider services, SearchRunCommand command, RunSearchQuery query, string pageUrl)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(command);
        try
        {
            var found = services.GetRequiredService<IMediator>().Send(command).AsTask().GetAwaiter().GetResult();
            using var store = ClipStore.Open(services.GetRequiredService<DataLayout>().Store(command.Store, "store"));
            return (RunSearchHtml.Results(found, store, pageUrl, query), StatusCodes.Status200OK);
        }
        catch (OptionsValidationFailedException refused)
        {
            var status = refused.Errors.Any(e => e.Field == "run") ? StatusCodes.Status404NotFound : StatusCodes.Status400BadRequest;
            return (RunSearchHtml.Refused(refused.Errors.Select(e => e.ToString())), status);
        }
    }

    private static async Task Write(DashboardContext context, int status, string html)
    {
        context.Response.StatusCode = status;
        await context.Response.WriteAsync(html).ConfigureAwait(false);
    }

    private static byte[]? TryBase64(string text)
    {
        var buffer = new byte[text.Length * 3 / 4];
        return text.Length > 0 && Convert.TryFromBase64String(text, buffer, out var written) ? buffer[..written] : null;
    }

    private sealed record DroppedImage(string? Store, string? Split, int? K, string? Image);
}
