using System.Text;

namespace ClipHost.Host.Api;

/// <summary>
/// Reads a request's JSON body for every endpoint alike: bounded in size, checked as JSON before anything else, and
/// refused with a field error (the field "body" for the document, the property path for a value of the wrong type),
/// never with minimal APIs' empty 400.
/// </summary>
internal static class ApiBody
{
    /// <summary>The store's options, plus: a missing required property or a null where none is allowed is refused.</summary>
    private static readonly JsonSerializerOptions Strict = new(RunStore.SerializerOptions)
    {
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
    };

    /// <summary>Commands are small; a bigger body is a mistake or an attack.</summary>
    public const int MaxBytes = 1 << 20;

    /// <summary>The body as text once it is known to be one well-formed JSON object.</summary>
    public static async Task<(string? Json, IResult? Refusal)> ReadObjectAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBytes)
        {
            return (null, Refuse($"larger than {MaxBytes} bytes"));
        }
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > MaxBytes)
            {
                return (null, Refuse($"larger than {MaxBytes} bytes"));
            }
            buffer.Write(chunk, 0, read);
        }
        if (buffer.Length == 0)
        {
            return (null, Refuse("empty; send a JSON object"));
        }
        string json;
        try
        {
            json = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
        }
        catch (DecoderFallbackException e)
        {
            return (null, Refuse($"not UTF-8 ({e.Message})"));
        }
        try
        {
            using var document = JsonDocument.Parse(json);
            return document.RootElement.ValueKind == JsonValueKind.Object
                ? (json, null)
                : (null, Refuse($"expected a JSON object, got {document.RootElement.ValueKind.ToString().ToLowerInvariant()}"));
        }
        catch (JsonException e)
        {
            return (null, Refuse($"malformed JSON: {e.Message}"));
        }
    }

    /// <summary>The body as a command record; a property of the wrong type is named by its path.</summary>
    public static async Task<(T? Value, IResult? Refusal)> ReadAsync<T>(HttpRequest request, CancellationToken cancellationToken)
        where T : class
    {
        var (json, refusal) = await ReadObjectAsync(request, cancellationToken).ConfigureAwait(false);
        if (refusal is not null)
        {
            return (null, refusal);
        }
        try
        {
            return JsonSerializer.Deserialize<T>(json!, Strict) is { } value ? (value, null) : (null, Refuse("empty; send a JSON object"));
        }
        catch (JsonException e)
        {
            var field = e.Path is null or "$" ? "body" : e.Path.TrimStart('$', '.');
            return (null, ApiResults.Refused(new OptionsValidationFailedException([new OptionError(field, e.Message.Split(" Path:")[0])])));
        }
    }

    private static IResult Refuse(string message) => ApiResults.Refused(new OptionsValidationFailedException([new OptionError("body", message)]));
}
