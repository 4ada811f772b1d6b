using ClipHost.Engine.Experiments;
using ClipHost.Engine.Paths;
using ClipHost.Host.Plugins;

namespace ClipHost.Host.Commands;

/// <summary>The axes must parse and apply, and every variant must pass the run submission's own checks (its errors named after the variant).</summary>
public sealed class PlanSweepValidator(PluginCatalog catalog, DataLayout layout) : ICommandValidator<PlanSweepCommand>
{
    public IReadOnlyList<OptionError> Validate(PlanSweepCommand command)
    {
        if (command.Axes.Count == 0)
        {
            return [new OptionError("--sweep", "name at least one axis, e.g. training.seed=0,1,2")];
        }
        try
        {
            return [.. Expand(command).SelectMany(v => ExperimentChecks.Validate(v.ExperimentJson, catalog, layout).Errors
                .Select(e => e with { Field = $"{v.Name}: {e.Field}" }))];
        }
        catch (OptionsValidationFailedException e)
        {
            return e.Errors;
        }
    }

    public static IReadOnlyList<SweepVariant> Expand(PlanSweepCommand command) =>
        [.. ConfigSweep.Expand(command.ExperimentJson, [.. command.Axes.Select(ConfigSweep.ParseAxis)]).Select(v => new SweepVariant(v.Name, v.Json))];
}
