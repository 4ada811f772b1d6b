using System.Text.Json.Nodes;

namespace ClipHost.Engine.Studies;

/// <summary>A value's label in cell names when the axis gives none: its text, or "key-value" for a one-field object ({"gflops": 20} → gflops-20).</summary>
internal static class StudyLabels
{
    public static string Of(JsonNode? value, int index)
    {
        var text = value switch
        {
            JsonValue v when v.TryGetValue<string>(out var s) => s,
            JsonValue v => v.ToJsonString(),
            JsonObject { Count: 1 } o when o.First() is { Value: JsonValue inner } p => $"{p.Key}-{Of(inner, index)}",
            _ => null,
        };
        var safe = text is null ? string.Empty : new string([.. text.Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-' ? c : '_')]);
        return safe.Length is > 0 and <= 40 && char.IsAsciiLetterOrDigit(safe[0]) ? safe : $"v{index + 1}";
    }
}
