namespace ClipHost.Reports;

/// <summary>A caption word and how many dropped and kept captions use it.</summary>
/// <param name="Word">The word, lower case.</param>
/// <param name="Dropped">Dropped captions containing it.</param>
/// <param name="Kept">Kept captions containing it.</param>
/// <param name="DroppedShare">Share of dropped captions containing it.</param>
/// <param name="KeptShare">Share of kept captions containing it.</param>
public sealed record DataReportWord(string Word, int Dropped, int Kept, double DroppedShare, double KeptShare);
