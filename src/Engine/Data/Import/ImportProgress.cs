namespace ClipHost.Engine.Data.Import;

/// <summary>Progress of a running import.</summary>
/// <param name="Processed">Candidates handled so far (imported or skipped).</param>
/// <param name="Total">Candidates expected, when the source knows.</param>
/// <param name="Imported">Samples written.</param>
/// <param name="Skipped">Samples skipped.</param>
/// <param name="Elapsed">Time since decoding started.</param>
public sealed record ImportProgress(int Processed, int? Total, int Imported, int Skipped, TimeSpan Elapsed)
{
    public double Rate => Elapsed.TotalSeconds > 0 ? Processed / Elapsed.TotalSeconds : 0;
}
