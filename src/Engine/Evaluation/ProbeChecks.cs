using ClipHost.Abstractions.Options;
using ClipHost.Engine.Data.Store;
using ClipHost.Engine.Experiments;

namespace ClipHost.Engine.Evaluation;

/// <summary>
/// A probe evaluation against its store, before any work: its options' own rules, then that each of its splits selects
/// labelled samples, and that every few-shot k fits the smallest class of the train split. Errors name the field.
/// </summary>
public static class ProbeChecks
{
    public static IReadOnlyList<OptionError> Validate(EvaluationConfig evaluation, ClipStore store, string field)
    {
        ArgumentNullException.ThrowIfNull(evaluation);
        ArgumentNullException.ThrowIfNull(store);
        if (!evaluation.IsProbe)
        {
            return [];
        }
        var errors = new List<OptionError>(ComponentOptions.Validate(evaluation.Probe, $"{field}.probe"));
        if (errors.Count > 0 || evaluation.Labels is not { } set || !store.Manifest.LabelSets.ContainsKey(set))
        {
            // The label set's absence is the caller's error already; the splits are counted by it.
            return errors;
        }
        var probe = evaluation.Probe;
        var splits = new[] { ("train", probe.Train), ("val", probe.Val), ("test", probe.Test) };
        foreach (var (name, split) in splits.Where(s => s.Item2 is not null))
        {
            if (ProbeSplits.Labelled(store, evaluation, split!).Length == 0)
            {
                var has = string.Join(", ", store.Samples.Select(s => s.Split).Distinct().Order(StringComparer.Ordinal));
                var hint = name == "val" ? "; set probe.val to null to hold out part of train" : string.Empty;
                errors.Add(new OptionError($"{field}.probe.{name}", $"split '{split}' of store '{store.Name}' has no samples labelled '{set}' in this selection (the store's splits: {has}){hint}"));
            }
        }
        if (evaluation.Task == FewShotTask.Name && errors.Count == 0)
        {
            var train = ProbeSplits.Of(store, evaluation).Train;
            var smallest = FewShotDraw.SmallestClass(train.Labels);
            if (probe.Shots.Where(k => k > smallest).ToList() is { Count: > 0 } tooMany)
            {
                errors.Add(new OptionError($"{field}.probe.shots", $"k = {string.Join(", ", tooMany)} is more than the smallest class of split '{probe.Train}' holds ({smallest} samples labelled '{set}'{(probe.TrainLimit is { } l ? $" within trainLimit {l}" : string.Empty)}); use k of at most {smallest}"));
            }
        }
        return errors;
    }
}
