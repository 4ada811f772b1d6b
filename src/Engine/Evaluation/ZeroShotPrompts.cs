using ClipHost.Abstractions.Options;
using ClipHost.Engine.Data.Store;
using ClipHost.Engine.Experiments;
using ClipHost.Engine.Paths;

namespace ClipHost.Engine.Evaluation;

/// <summary>
/// The class names and templates of a zero-shot evaluation: each label stands for itself ("face-smiling" reads "face
/// smiling") unless a class-name file or the config names it; templates come from the config, a file or a built-in set.
/// The validator and the evaluator both resolve through here, so what is refused before any work is what would fail.
/// </summary>
/// <param name="ClassNames">One name per label, in the label set's order.</param>
/// <param name="Templates">The templates, each with {c}.</param>
public sealed record ZeroShotPrompts(IReadOnlyList<string> ClassNames, IReadOnlyList<string> Templates)
{
    /// <summary>The errors of an evaluation's class names and templates; none when its store or label set is missing (reported apart).</summary>
    public static IReadOnlyList<OptionError> Check(EvaluationConfig evaluation, DataLayout layout, string field)
    {
        ArgumentNullException.ThrowIfNull(evaluation);
        ArgumentNullException.ThrowIfNull(layout);
        if (evaluation.ClassNames is null && evaluation.ClassNamesFile is null)
        {
            return Resolve(evaluation, [], layout, field).Errors;
        }
        var manifest = Path.Combine(layout.Store(evaluation.Store, $"{field}.store"), StoreFiles.Manifest);
        if (!File.Exists(manifest))
        {
            return [];
        }
        using var store = ClipStore.Open(Path.GetDirectoryName(manifest)!);
        return evaluation.Labels is { } set && store.Manifest.LabelSets.TryGetValue(set, out var labels) ? Resolve(evaluation, labels, layout, field).Errors : [];
    }

    public static (ZeroShotPrompts? Prompts, IReadOnlyList<OptionError> Errors) Resolve(EvaluationConfig evaluation, IReadOnlyList<string> labels, DataLayout layout, string field)
    {
        ArgumentNullException.ThrowIfNull(evaluation);
        ArgumentNullException.ThrowIfNull(labels);
        var errors = new List<OptionError>();
        var names = labels.Select(PromptTemplates.ClassText).ToArray();
        var fromFile = Read(evaluation.ClassNamesFile, layout, $"{field}.classNamesFile", errors);
        if (fromFile is not null)
        {
            Apply(fromFile, names, labels, evaluation, $"{field}.classNamesFile", errors);
        }
        if (evaluation.ClassNames is { } inline)
        {
            if (inline.InLabelOrder is not null && fromFile?.List is not null)
            {
                errors.Add(new OptionError($"{field}.classNames", "a list of names is already given by classNamesFile; give a label-to-name object to change some of them"));
            }
            Apply(new PromptEntries(inline.InLabelOrder, inline.ByLabel), names, labels, evaluation, $"{field}.classNames", errors);
        }
        var templates = ResolveTemplates(evaluation, layout, field, errors);
        return errors.Count > 0 || templates is null ? (null, errors) : (new ZeroShotPrompts(names, templates), errors);
    }

    private static PromptEntries? Read(PromptFile? file, DataLayout layout, string field, List<OptionError> errors)
    {
        if (file is null)
        {
            return null;
        }
        var (entries, error) = PromptFileReader.Read(file, layout, field);
        if (error is not null)
        {
            errors.Add(error);
        }
        return entries;
    }

    private static void Apply(PromptEntries entries, string[] names, IReadOnlyList<string> labels, EvaluationConfig evaluation, string field, List<OptionError> errors)
    {
        var what = $"label set '{evaluation.Labels}' of store '{evaluation.Store}'";
        if (entries.List is { } list)
        {
            if (list.Count != labels.Count)
            {
                errors.Add(new OptionError(field, $"{list.Count} names for the {labels.Count} labels of {what}; a list names every label, in the order of the store's manifest.json"));
                return;
            }
            list.ToArray().CopyTo(names, 0);
        }
        foreach (var (label, name) in entries.Map ?? new Dictionary<string, string>())
        {
            var index = Enumerable.Range(0, labels.Count).FirstOrDefault(i => labels[i] == label, -1);
            if (index < 0)
            {
                errors.Add(new OptionError(field, $"'{Identifier.Shorten(label)}' is not a label of {what}; it has {string.Join(", ", labels.Take(12))}{(labels.Count > 12 ? ", ..." : string.Empty)}"));
                continue;
            }
            names[index] = name;
        }
        if (names.Any(string.IsNullOrWhiteSpace))
        {
            errors.Add(new OptionError(field, $"names an empty class (label '{labels[Array.FindIndex(names, string.IsNullOrWhiteSpace)]}')"));
        }
    }

    private static IReadOnlyList<string>? ResolveTemplates(EvaluationConfig evaluation, DataLayout layout, string field, List<OptionError> errors)
    {
        if (evaluation.TemplatesFile is null)
        {
            return evaluation.Templates ?? PromptTemplates.Sets.GetValueOrDefault(evaluation.TemplateSet ?? string.Empty);
        }
        var fileField = $"{field}.templatesFile";
        if (evaluation.Templates is not null)
        {
            errors.Add(new OptionError(fileField, "templates are given twice; give templates or templatesFile"));
            return null;
        }
        var entries = Read(evaluation.TemplatesFile, layout, fileField, errors);
        if (entries?.List is not { Count: > 0 } templates)
        {
            if (entries is not null)
            {
                errors.Add(new OptionError(fileField, "holds no list of templates"));
            }
            return null;
        }
        if (templates.FirstOrDefault(t => !t.Contains("{c}", StringComparison.Ordinal)) is { } bad)
        {
            errors.Add(new OptionError(fileField, $"template '{bad}' has no {{c}} for the class name"));
            return null;
        }
        return templates;
    }
}
