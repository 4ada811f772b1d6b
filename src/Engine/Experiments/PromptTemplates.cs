namespace ClipHost.Engine.Experiments;

/// <summary>
/// Prompt-template ensembles for zero-shot classification (CLIP, Radford et al. 2021, Sec. 3.1.4): each class is
/// the mean of its normalised template embeddings. Sets for the data here; configs may give their own.
/// </summary>
public static class PromptTemplates
{
    public static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> Sets = new Dictionary<string, IReadOnlyList<string>>
    {
        ["plain"] = ["{c}"],
        ["emoji"] = ["{c}", "an emoji of {c}", "a {c} emoji", "an icon of {c}", "a picture of {c}"],
        ["clipart"] = ["{c}", "clip art of {c}", "a drawing of {c}", "an illustration of {c}", "a picture of {c}"],
        ["photo"] = ["{c}", "a photo of a {c}", "a black and white photo of a {c}", "a low resolution photo of a {c}", "a picture of a {c}"],
    };

    /// <summary>Label names as words: "face-smiling" → "face smiling", "signs_and_symbols" → "signs and symbols".</summary>
    public static string ClassText(string label) => label.Replace('-', ' ').Replace('_', ' ').Replace('/', ' ').ToLowerInvariant();

    /// <summary>The prompts of one class: its name (as given: a label's name is <see cref="ClassText"/>) in each template.</summary>
    public static IReadOnlyList<string> Expand(IReadOnlyList<string> templates, string className) =>
        templates.Select(t => t.Replace("{c}", className, StringComparison.Ordinal)).ToList();
}
