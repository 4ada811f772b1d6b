namespace ClipHost.Engine.Data.Import;

/// <summary>
/// Cuts candidates into the chunks the importer decodes in parallel: at most a count, and at most a number of
/// encoded bytes held in memory (tar members), so a shard of many large members cannot fill memory waiting
/// for its chunk to fill. A chunk always takes its first candidate, however large.
/// </summary>
public static class CandidateChunks
{
    public static IEnumerable<ImportCandidate[]> Of(IEnumerable<ImportCandidate> candidates, int maxCount, long maxBytes)
    {
        var chunk = new List<ImportCandidate>(maxCount);
        var bytes = 0L;
        foreach (var candidate in candidates)
        {
            var size = candidate.Image is ImageInput.Encoded e ? e.Bytes.LongLength : 0;
            if (chunk.Count > 0 && (chunk.Count == maxCount || bytes + size > maxBytes))
            {
                yield return [.. chunk];
                chunk.Clear();
                bytes = 0;
            }
            chunk.Add(candidate);
            bytes += size;
        }
        if (chunk.Count > 0)
        {
            yield return [.. chunk];
        }
    }
}
