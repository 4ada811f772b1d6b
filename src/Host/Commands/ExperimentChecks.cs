using ClipHost.Engine.Experiments;
using ClipHost.Engine.Model;
using ClipHost.Engine.Paths;
using ClipHost.Engine.Training;

namespace ClipHost.Host.Commands;

/// <summary>Parses an experiment's JSON and validates it with the engine's <see cref="ExperimentValidator"/>: field errors, never exceptions.</summary>
public static class ExperimentChecks
{
    /// <summary>What an error about the document as a whole names.</summary>
    public const string DocumentField = "experiment";

    public static (ExperimentConfig? Config, IReadOnlyList<OptionError> Errors) Validate(string json, IComponentRegistry registry, DataLayout layout)
    {
        var (config, errors) = ExperimentJson.Parse(json, DocumentField, "the experiment");
        if (config is null)
        {
            return (null, errors);
        }
        var refused = new ExperimentValidator(registry, layout).Validate(config);
        return refused.Count == 0 ? (config, []) : (null, refused);
    }

    /// <summary>The parsed config of a JSON that has passed validation.</summary>
    public static ExperimentConfig Parse(string json) =>
        ExperimentJson.Parse(json, DocumentField, "the experiment").Config ?? throw new InvalidOperationException("the experiment was validated before its handler ran");
}
