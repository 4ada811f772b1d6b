using System.Text.Json.Serialization;
using ClipHost.Engine.Paths;

namespace ClipHost.Engine.Model;

/// <summary>
/// model.init: where a new run's weights come from instead of its seed. A ClipHost run's checkpoint (by run name, the
/// latest or one step) or an open_clip export (a folder under the data root's weights/ holding
/// open_clip_model.safetensors and open_clip_config.json, as `clip-host export` writes it); the whole model or only some
/// towers (the others keep their seeded weights), and towers to freeze (LiT locks a pretrained image tower and trains
/// the text tower against it). A resumed run continues from its own checkpoint; the freeze holds on every attempt.
/// </summary>
public sealed record ModelInitConfig : IValidatableObject
{
    /// <summary>The two towers a CLIP model has; each includes its projection into the shared embedding.</summary>
    public static readonly IReadOnlyList<string> TowerNames = ["visual", "text"];

    /// <summary>A run under the runs root whose checkpoint gives the weights.</summary>
    [Identifier]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Run { get; init; }

    /// <summary>With a run: its checkpoint at this step; the latest when absent.</summary>
    [Range(0L, long.MaxValue, ErrorMessage = "must not be negative")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public long? Step { get; init; }

    /// <summary>An open_clip export: a folder relative to the data root's weights/ and inside it.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? OpenClip { get; init; }

    /// <summary>The towers to load ("visual", "text"); the logit scale comes with both.</summary>
    public IReadOnlyList<string> Towers { get; init; } = TowerNames;

    /// <summary>Loaded towers whose weights stay as loaded: no gradients, no optimiser state, no weight decay.</summary>
    public IReadOnlyList<string> Freeze { get; init; } = [];

    /// <summary>Whether the logit scale is loaded: only with both towers, whose embeddings it was learnt for.</summary>
    [JsonIgnore]
    public bool LoadsLogitScale => TowerNames.All(Towers.Contains);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if ((Run is null) == (OpenClip is null))
        {
            yield return new ValidationResult("give either a run (a ClipHost checkpoint) or openClip (a folder under the data root's weights/)", [nameof(Run)]);
        }
        if (Step is not null && Run is null)
        {
            yield return new ValidationResult("a step picks one of a run's checkpoints; give the run", [nameof(Step)]);
        }
        if (Towers is null || Towers.Count == 0 || Towers.Any(t => !TowerNames.Contains(t)) || Towers.Distinct().Count() != Towers.Count)
        {
            yield return new ValidationResult($"give one or both of {string.Join(", ", TowerNames)}, each once (got [{string.Join(", ", Towers ?? [])}])", [nameof(Towers)]);
        }
        else if (Freeze is null || Freeze.Any(t => !Towers.Contains(t)) || Freeze.Distinct().Count() != Freeze.Count)
        {
            yield return new ValidationResult($"only loaded towers ({string.Join(", ", Towers)}) can be frozen, each once (got [{string.Join(", ", Freeze ?? [])}])", [nameof(Freeze)]);
        }
    }

    /// <summary>Whether a checkpoint key (ClipHost's names) belongs to a tower this init loads.</summary>
    public bool Loads(string key) => Tower(key) is { } tower ? Towers.Contains(tower) : LoadsLogitScale;

    /// <summary>Whether a parameter (ClipHost's names) belongs to a frozen tower.</summary>
    public bool Freezes(string key) => Tower(key) is { } tower && Freeze.Contains(tower);

    /// <summary>The tower of a model key: visual.* and visual_projection, text.* and text_projection; null for logit_scale.</summary>
    public static string? Tower(string key) =>
        key.StartsWith("visual", StringComparison.Ordinal) ? "visual"
        : key.StartsWith("text", StringComparison.Ordinal) ? "text"
        : null;
}
