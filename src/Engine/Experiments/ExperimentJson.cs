using System.Text.Json.Serialization;
using ClipHost.Abstractions.Options;

namespace ClipHost.Engine.Experiments;

/// <summary>The experiment JSON: one set of serializer options for reading, writing and hashing configs.</summary>
public static class ExperimentJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        // A null where the config has no null ("text": null) is a field error here, not a null for Validate to trip on.
        RespectNullableAnnotations = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
    };

    /// <summary>Reads a config file; JSON and type errors come back as field errors, not exceptions.</summary>
    public static (ExperimentConfig? Config, IReadOnlyList<OptionError> Errors) Load(string path) =>
        File.Exists(path) ? Parse(File.ReadAllText(path), "--config", path) : (null, [new OptionError("--config", $"{path} does not exist")]);

    /// <summary>Parses a config from JSON text (a file's content or a request body); errors name the field.</summary>
    /// <param name="json">The experiment JSON.</param>
    /// <param name="field">What to name in an error about the document as a whole.</param>
    /// <param name="source">Where the JSON came from, for messages.</param>
    public static (ExperimentConfig? Config, IReadOnlyList<OptionError> Errors) Parse(string json, string field, string source)
    {
        try
        {
            var config = JsonSerializer.Deserialize<ExperimentConfig>(json, Options);
            return config is null ? (null, [new OptionError(field, $"{source} is empty")]) : (config, []);
        }
        catch (JsonException e)
        {
            var path = e.Path is null or "$" ? "config" : e.Path.TrimStart('$', '.');
            var message = e.Message.Split(" Path:")[0];
            return (null, [new OptionError(path, message)]);
        }
    }
}
