using System.Text.Json.Serialization;

namespace ClipHost.Engine.Experiments;

/// <summary>Reads and writes <see cref="ClassNames"/> as the JSON object or list the config holds.</summary>
public sealed class ClassNamesJsonConverter : JsonConverter<ClassNames>
{
    public override ClassNames Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
    {
        JsonTokenType.StartObject => new ClassNames { ByLabel = JsonSerializer.Deserialize<Dictionary<string, string>>(ref reader, options) },
        JsonTokenType.StartArray => new ClassNames { InLabelOrder = JsonSerializer.Deserialize<List<string>>(ref reader, options) },
        _ => throw new JsonException("must be an object from label to name or a list of names in label order"),
    };

    public override void Write(Utf8JsonWriter writer, ClassNames value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.ByLabel is { } byLabel)
        {
            JsonSerializer.Serialize(writer, byLabel, options);
        }
        else
        {
            JsonSerializer.Serialize(writer, value.InLabelOrder ?? [], options);
        }
    }
}
