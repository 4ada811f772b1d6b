using ClipHost.Abstractions.Options;
using ClipHost.Engine.Experiments;
using ClipHost.Engine.Model;

namespace ClipHost.Engine.Training;

/// <summary>
/// A budget in GFLOPs must buy at least one step of the run's model and strategy at its batch, and at most
/// <see cref="StepCost.MaxSteps"/>; priced here, before any work, by building the model and strategy once (only for
/// such budgets: the others need no model to check).
/// </summary>
internal static class BudgetChecks
{
    public static IReadOnlyList<OptionError> Validate(ExperimentConfig config, IComponentRegistry registry)
    {
        if (config.Training.Budget?.Gflops is not { } gflops)
        {
            return [];
        }
        var step = TrainingSession.Priced(registry, config.Model, config.Strategy, config.Training, cost => cost.TotalGflops(1));
        if (gflops < step)
        {
            return [Refusal($"{gflops:G4} GFLOPs is less than one step of this model and strategy ({step:G4} training GFLOPs at batch {config.Training.BatchSize}); give at least {step:G4}, or a smaller batch")];
        }
        return gflops / step <= StepCost.MaxSteps
            ? []
            : [Refusal($"{gflops:G4} GFLOPs comes to about {gflops / step:G3} steps of {step:G4} GFLOPs, over the {StepCost.MaxSteps:G3} a run may take; give a larger batch or a smaller budget")];
    }

    private static OptionError Refusal(FormattableString message) => new("training.budget.gflops", FormattableString.Invariant(message));
}
