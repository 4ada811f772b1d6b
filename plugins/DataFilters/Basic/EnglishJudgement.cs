namespace ClipHost.Plugins.DataFilters.Basic;

/// <summary>What <see cref="EnglishHeuristic"/> counted in one caption.</summary>
/// <param name="English">Words in the word list (or compounds of two).</param>
/// <param name="Names">Words found only as names; they count for neither side.</param>
/// <param name="Other">Words not in the list, e-mail addresses and URLs.</param>
/// <param name="LatinShare">Share of the caption's letters in the Latin script (1 when it has none).</param>
public readonly record struct EnglishJudgement(int English, int Names, int Other, double LatinShare)
{
    /// <summary>All judged words.</summary>
    public int Words => English + Names + Other;

    /// <summary>English words over English and other words; 1 for a caption of names only, 0 for no words.</summary>
    public double EnglishShare => English + Other > 0 ? (double)English / (English + Other) : Names > 0 ? 1.0 : 0.0;
}
