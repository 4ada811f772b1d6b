using ClipHost.Engine.Data.Store;
using ClipHost.Engine.Experiments;

namespace ClipHost.Host.Commands;

/// <summary>
/// The axes must parse and apply, and every variant must pass the validators of its own run's submission (CreateRun),
/// its errors named after the variant.
/// </summary>
public sealed class PlanSweepValidator(IEnumerable<ICommandValidator<CreateRunCommand>> submission) : ICommandValidator<PlanSweepCommand>
{
    public IReadOnlyList<OptionError> Validate(PlanSweepCommand command)
    {
        if (command.Axes.Count == 0)
        {
            return [new OptionError("--sweep", "name at least one axis, e.g. training.seed=0,1,2")];
        }
        // Every variant names the same stores: each samples file is parsed once for all of them.
        using var reads = StoreReadScope.Begin();
        try
        {
            return [.. Expand(command).SelectMany(v => submission.SelectMany(s => s.Validate(new CreateRunCommand(v.ExperimentJson, "sweep")))
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
