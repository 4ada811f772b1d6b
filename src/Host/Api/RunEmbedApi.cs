using ClipHost.Host.Api;

namespace Microsoft.AspNetCore.Builder;

/// <summary>
/// POST /api/runs/{id}/embed: <c>{"texts": [...]}</c> or <c>{"images": ["&lt;base64&gt;", ...]}</c> (and an optional
/// <c>"step"</c>) answered with each input's unit-length embedding, the same command as `clip-host embed`; inputs fit
/// in the API's body limit. An image that does not decode is listed under skipped with its reason.
/// </summary>
public static class RunEmbedApi
{
    public static async Task<IResult> Embed(string id, HttpRequest request, RunStore store, IMediator mediator, CancellationToken ct)
    {
        if (store.Get(id) is null)
        {
            return ApiResults.NotFound($"run '{id}'");
        }
        var (body, bad) = await ApiBody.ReadAsync<EmbedRequest>(request, ct).ConfigureAwait(false);
        if (bad is not null)
        {
            return bad;
        }
        var images = new List<EmbedImage>();
        for (var i = 0; i < (body!.Images?.Count ?? 0); i++)
        {
            if (!TryBase64(body.Images![i], out var bytes))
            {
                return ApiResults.Refused(new OptionsValidationFailedException([new OptionError($"images[{i}]", "is not base64-encoded image bytes")]));
            }
            images.Add(new EmbedImage(i.ToString(System.Globalization.CultureInfo.InvariantCulture), bytes));
        }
        try
        {
            var result = await mediator.Send(new EmbedRunCommand(id) { Step = body.Step, Texts = body.Texts, Images = body.Images is null ? null : images }, ct).ConfigureAwait(false);
            return ApiResults.Json(new
            {
                result.RunId,
                result.Checkpoint,
                result.Dimension,
                Rows = result.Names.Zip(result.Embeddings!, (name, embedding) => new { Name = name, Embedding = embedding }),
                result.Skipped,
            });
        }
        catch (Exception e) when (ApiResults.Refusal(e) is { } refusal)
        {
            return refusal;
        }
    }

    private static bool TryBase64(string? text, out byte[] bytes)
    {
        bytes = [];
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }
        var buffer = new byte[text.Length * 3 / 4];
        if (!Convert.TryFromBase64String(text, buffer, out var written))
        {
            return false;
        }
        bytes = buffer[..written];
        return true;
    }

    /// <summary>The body: texts or base64 images, and the checkpoint's step (the latest when absent).</summary>
    private sealed record EmbedRequest(IReadOnlyList<string>? Texts = null, IReadOnlyList<string>? Images = null, long? Step = null);
}
