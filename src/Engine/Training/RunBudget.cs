using ClipHost.Engine.Experiments;

namespace ClipHost.Engine.Training;

/// <summary>The budget a run was given (training.budget: its kind and value) and the steps and pairs it came to.</summary>
/// <param name="Kind">samples, epochs or gflops.</param>
/// <param name="Value">The number the config gave.</param>
/// <param name="Steps">Optimiser steps the budget came to.</param>
/// <param name="Samples">Pairs the run sees in them.</param>
public sealed record RunBudget(string Kind, double Value, long Steps, long Samples)
{
    /// <summary>
    /// The steps of a budget: pairs over the batch for samples and epochs, and for GFLOPs the step count whose priced total
    /// is nearest (the last step is whole, so a run lands within half a step's cost of its budget).
    /// </summary>
    /// <param name="budget">A valid budget.</param>
    /// <param name="batch">Pairs per step.</param>
    /// <param name="trainingPairs">Pairs in the training set (an epoch).</param>
    /// <param name="cost">What the run's steps cost.</param>
    public static RunBudget Of(BudgetConfig budget, int batch, int trainingPairs, StepCost cost)
    {
        ArgumentNullException.ThrowIfNull(budget);
        ArgumentNullException.ThrowIfNull(cost);
        if (budget.Gflops is { } gflops)
        {
            var steps = cost.StepsFor(gflops);
            return new RunBudget(budget.Kind, gflops, steps, steps * batch);
        }
        var samples = budget.SamplesFor(trainingPairs);
        return new RunBudget(budget.Kind, budget.Value, (long)Math.Ceiling((double)samples / batch), samples);
    }
}
