using ClipHost.Abstractions.Architectures;
using ClipHost.Abstractions.Options;
using ClipHost.Engine.Data.Store;
using ClipHost.Engine.Evaluation;
using ClipHost.Engine.Experiments;
using ClipHost.Engine.Filtering;
using ClipHost.Engine.Interop;
using ClipHost.Engine.Model;
using ClipHost.Engine.Paths;
using ClipHost.Engine.Text;

namespace ClipHost.Engine.Training;

/// <summary>
/// Checks an experiment before any work: every section's own rules (names that become paths are identifiers), then
/// that its stores, label sets, architecture and strategy exist and accept their options, that its data subset and
/// filters (with their teachers, inside the runs root) exist, that a batch fits the training set and a budget in GFLOPs
/// buys at least one step. Every error
/// names its config field.
/// </summary>
/// <param name="registry">The loaded plugins.</param>
/// <param name="layout">Where stores, subsets and runs (filter teachers) live.</param>
public sealed class ExperimentValidator(IComponentRegistry registry, DataLayout layout)
{
    /// <summary>The experiment JSON's options (<see cref="ExperimentJson.Options"/>), for the host's callers.</summary>
    public static JsonSerializerOptions SerializerOptions => ExperimentJson.Options;

    /// <summary>
    /// Characters the caller appends to the name to make the run folder's name (the service's timestamp suffix), so the
    /// name is held to what is left of <see cref="Identifier.MaxLength"/>.
    /// </summary>
    public int NameSuffixLength { get; init; }

    /// <summary>
    /// Whether filter teachers must exist under the runs root; a resumed run that already chose its training set does not
    /// need them again (they may be gone by now).
    /// </summary>
    public bool ChecksTeachers { get; init; } = true;

    /// <summary>Reads a config file (<see cref="ExperimentJson.Load"/>); errors name the field.</summary>
    public static (ExperimentConfig? Config, IReadOnlyList<OptionError> Errors) Load(string path) => ExperimentJson.Load(path);

    /// <summary>Parses a config from JSON text (<see cref="ExperimentJson.Parse"/>); errors name the field.</summary>
    public static (ExperimentConfig? Config, IReadOnlyList<OptionError> Errors) Parse(string json, string field, string source) =>
        ExperimentJson.Parse(json, field, source);

    public IReadOnlyList<OptionError> Validate(ExperimentConfig c)
    {
        ArgumentNullException.ThrowIfNull(c);
        var errors = SectionErrors(c);
        if (errors.Count > 0)
        {
            // The checks below read the sections (store names, plugin ids), so they wait until those are sound.
            return errors;
        }
        ValidateData(c, errors);
        if (ValidateModelAndStrategy(c, errors))
        {
            errors.AddRange(BudgetChecks.Validate(c, registry));
            errors.AddRange(ModelInit.Validate(c.Model, c.Training.Seed, registry, layout));
        }
        ValidateEvaluations(c.Evaluations, errors);
        errors.AddRange(VocabularySource.Validate(c.Model.Text.Vocabulary, c.Model.Text.VocabSize, c.Model.Text.ContextLength, layout));
        errors.AddRange(ShiftChecks.Validate(c.Shifts, c.Evaluations));
        return errors;
    }

    /// <summary>Every section's own rules (data annotations), and the name's limit with the caller's suffix.</summary>
    private List<OptionError> SectionErrors(ExperimentConfig c)
    {
        var errors = new List<OptionError>();
        errors.AddRange(ComponentOptions.Validate(c, "config").Select(e => e with { Field = e.Field.Replace("config.", string.Empty, StringComparison.Ordinal) }));
        errors.AddRange(ComponentOptions.Validate(c.Data, "data"));
        errors.AddRange(ComponentOptions.Validate(c.Model, "model"));
        errors.AddRange(ComponentOptions.Validate(c.Model.Vision, "model.vision"));
        errors.AddRange(ComponentOptions.Validate(c.Model.Text, "model.text"));
        errors.AddRange(ComponentOptions.Validate(c.Strategy, "strategy"));
        errors.AddRange(ComponentOptions.Validate(c.Training, "training"));
        if (c.Training.Budget is not null)
        {
            errors.AddRange(ComponentOptions.Validate(c.Training.Budget, "training.budget"));
        }
        if (c.Training.EvalEvery is not null)
        {
            errors.AddRange(ComponentOptions.Validate(c.Training.EvalEvery, "training.evalEvery"));
        }
        if (c.Model.Init is not null)
        {
            errors.AddRange(ComponentOptions.Validate(c.Model.Init, "model.init"));
        }
        else if (c.Training.Budget?.Samples == 0)
        {
            errors.Add(new OptionError("training.budget.samples", "0 trains nothing: a budget of no samples is for a run that starts from model.init and is evaluated as loaded"));
        }
        if (NameSuffixLength > 0 && Identifier.Problem(c.Name, Identifier.MaxLength - NameSuffixLength) is { } problem)
        {
            // One error naming the limit that applies here, not the general one the suffix would then break.
            errors.RemoveAll(e => e.Field == "name");
            errors.Add(new OptionError("name", $"'{Identifier.Shorten(c.Name)}' {problem}; {Identifier.Rule}, and a run id adds a {NameSuffixLength}-character timestamp to the name, so it is at most {Identifier.MaxLength - NameSuffixLength} here"));
        }
        return errors;
    }

    /// <summary>The store and selection, the subset, the batch against the training set, and the filters.</summary>
    private void ValidateData(ExperimentConfig c, List<OptionError> errors)
    {
        var selected = ValidateStore(c.Data.Store, "data.store", c.Data.Train, "data.train", null, errors);
        var subset = ValidateSubset(c.Data, errors);
        if (selected is not null && c.Data.Filters.Count == 0 && (c.Data.Subset is null || subset is not null))
        {
            // Without filters the training set is known now; with them, the trainer checks right after filtering.
            var size = subset is null ? selected.Length : selected.Count(subset.Contains);
            if (BatchTooLarge(c.Training.BatchSize, size, c.Data.Subset is null ? "data.train selects" : $"data.train selects within subset '{c.Data.Subset}'") is { } batch)
            {
                errors.Add(batch);
            }
        }
        errors.AddRange(FilterStepsValidator.Validate(c.Data.Filters, registry, ChecksTeachers ? layout.Runs : null, "data.filters"));
        if (c.Training.EvalEvery is not null && selected is not null)
        {
            ValidateStore(c.Data.Store, "data.store", c.Data.Train with { Split = Data.Store.Splits.Val }, "training.evalEvery", null, errors);
        }
    }

    /// <summary>The architecture and its options, then the strategy and its options against what the encoder offers; true when both are sound.</summary>
    private bool ValidateModelAndStrategy(ExperimentConfig c, List<OptionError> errors)
    {
        var encoder = registry.FindEncoder(c.Model.Vision.Architecture);
        EncoderCapabilities? capabilities = null;
        if (encoder is null)
        {
            errors.Add(new OptionError("model.vision.architecture", $"unknown architecture '{c.Model.Vision.Architecture}'; available: {string.Join(", ", registry.EncoderIds)}"));
        }
        else
        {
            var context = new ImageEncoderContext(c.Model.Vision.ImageSize, 3, c.Training.Seed);
            var encoderErrors = encoder.Validate(c.Model.Vision.Options, context, "model.vision.options");
            errors.AddRange(encoderErrors);
            if (encoderErrors.Count == 0)
            {
                capabilities = encoder.Describe(c.Model.Vision.Options, context);
            }
        }
        var strategy = registry.FindStrategy(c.Strategy.Id);
        if (strategy is null)
        {
            errors.Add(new OptionError("strategy.id", $"unknown strategy '{c.Strategy.Id}'; available: {string.Join(", ", registry.StrategyIds)}"));
        }
        else if (capabilities is not null)
        {
            var strategyErrors = strategy.Validate(c.Strategy.Options, capabilities, "strategy.options");
            errors.AddRange(strategyErrors);
            return strategyErrors.Count == 0;
        }
        return false;
    }

    private void ValidateEvaluations(IReadOnlyList<EvaluationConfig> evaluations, List<OptionError> errors)
    {
        for (var i = 0; i < evaluations.Count; i++)
        {
            var e = evaluations[i];
            var field = $"evaluations[{i}]";
            var own = ComponentOptions.Validate(e, field);
            errors.AddRange(own);
            if (own.Count == 0)
            {
                if (ValidateStore(e.Store, $"{field}.store", e.Samples, $"{field}.samples", e.Labels, errors) is not null && e.IsProbe)
                {
                    using var store = ClipStore.Open(layout.Store(e.Store, $"{field}.store"));
                    errors.AddRange(ProbeChecks.Validate(e, store, field));
                }
                if (e.Templates is null && !PromptTemplates.Sets.ContainsKey(e.TemplateSet ?? string.Empty))
                {
                    errors.Add(new OptionError($"{field}.templateSet", $"unknown template set '{e.TemplateSet}'; use {string.Join(", ", PromptTemplates.Sets.Keys)} or give templates"));
                }
                errors.AddRange(ZeroShotPrompts.Check(e, layout, field));
            }
        }
        if (evaluations.Select(e => (e.Name, e.Task)).Distinct().Count() != evaluations.Count)
        {
            errors.Add(new OptionError("evaluations", "two evaluations share a name and task; their results would overwrite each other"));
        }
    }

    /// <summary>The refusal of a batch larger than the training set: every step would repeat pairs within one batch.</summary>
    public static OptionError? BatchTooLarge(int batchSize, int trainingPairs, string what) =>
        batchSize <= trainingPairs ? null : new OptionError("training.batchSize", $"{batchSize} is larger than the training set: {what} {trainingPairs} pairs; use a batch of at most {trainingPairs}");

    /// <summary>The subset's ids when data.subset names a usable one (null when none is named or it was refused).</summary>
    private HashSet<int>? ValidateSubset(DataConfig data, List<OptionError> errors)
    {
        if (data.Subset is null)
        {
            return null;
        }
        var root = layout.Subsets;
        var subset = SubsetFiles.Read(layout.Subset(data.Subset));
        if (subset is null)
        {
            errors.Add(new OptionError("data.subset", $"no subset '{data.Subset}' under {root}; make one with POST /api/filters"));
            return null;
        }
        if (subset.Store != data.Store)
        {
            errors.Add(new OptionError("data.subset", $"subset '{data.Subset}' is over store '{subset.Store}', not data.store '{data.Store}'"));
            return null;
        }
        var manifest = Path.Combine(layout.Store(data.Store), StoreFiles.Manifest);
        if (File.Exists(manifest) && JsonSerializer.Deserialize<StoreManifest>(File.ReadAllText(manifest), StoreFiles.Json) is { } m && m.ContentHash != subset.StoreContentHash)
        {
            // Ids index the store as it was; after a re-import they would silently name other pairs.
            errors.Add(new OptionError("data.subset", $"subset '{data.Subset}' was made from another version of store '{data.Store}' (content hash {subset.StoreContentHash[..12]}, now {m.ContentHash[..12]}); filter again"));
            return null;
        }
        return [.. subset.Ids];
    }

    /// <summary>The ids the selection picks from the store, or null when the store or the selection was refused.</summary>
    private int[]? ValidateStore(string name, string field, SampleSelection selection, string selectionField, string? labels, List<OptionError> errors)
    {
        // The name was held to the identifier rule with its section, so it is a folder directly under the stores root.
        var path = layout.Store(name, field);
        if (!File.Exists(Path.Combine(path, StoreFiles.Manifest)))
        {
            errors.Add(new OptionError(field, $"no store '{name}' under {layout.Stores}; import it first (clip-host data import)"));
            return null;
        }
        using var store = ClipStore.Open(path);
        if (labels is not null && !store.Manifest.LabelSets.ContainsKey(labels))
        {
            errors.Add(new OptionError(field.Replace(".store", ".labels", StringComparison.Ordinal), $"store '{name}' has no label set '{labels}'; it has {string.Join(", ", store.Manifest.LabelSets.Keys)}"));
        }
        var selected = selection.Select(store);
        if (selected.Length == 0)
        {
            errors.Add(new OptionError(selectionField, $"selects no samples of store '{name}' ({selection.Describe()})"));
            return null;
        }
        return selected;
    }
}
