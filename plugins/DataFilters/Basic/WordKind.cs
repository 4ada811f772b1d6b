namespace ClipHost.Plugins.DataFilters.Basic;

/// <summary>How <see cref="EnglishLexicon"/> classifies a caption word.</summary>
public enum WordKind
{
    /// <summary>In the word list as a common word, or two such words glued together.</summary>
    English,

    /// <summary>In the word list only capitalised: a place or person, in no particular language.</summary>
    Name,

    /// <summary>Not in the word list: another language, a typo, an identifier or an address.</summary>
    Other,
}
