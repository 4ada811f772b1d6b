using ClipHost.Abstractions.DataFilters;

namespace ClipHost.Plugins.DataFilters.ClipScore;

/// <summary>
/// Cross-fitted scores: each candidate is scored only by the teachers that never trained on it (as DataComp's
/// and the paper's filtering assume of a teacher: it judges pairs it has not memorised). Two teachers' cosines need
/// not share a scale, so each teacher's scores become ranks in [0, 1] among the candidates it scored (ties by id), and
/// a candidate left out by several teachers gets the mean of their ranks.
/// </summary>
internal static class CrossFitScores
{
    public static Dictionary<int, float> Compute(IDatasetView dataset, IReadOnlyList<int> candidates, IReadOnlyList<string> teachers, FilterContext context, CancellationToken cancellationToken)
    {
        var sums = new Dictionary<int, (double Sum, int Count)>(candidates.Count);
        foreach (var name in teachers)
        {
            var teacher = context.Teachers(name);
            var seen = teacher.TrainedOn(dataset)
                ?? throw new InvalidOperationException($"clip-score: teacher '{name}' does not record which pairs of '{dataset.Name}' it trained on; cross-fitting needs teachers trained on this import of the store with data.subset or data.filters (e.g. the two halves of a random-subset and its complement)");
            var unseen = candidates.Where(id => !seen.Contains(id)).ToList();
            if (unseen.Count == 0)
            {
                continue;
            }
            var raw = teacher.Score(dataset, unseen, cancellationToken);
            var order = Enumerable.Range(0, unseen.Count).OrderBy(i => raw[i]).ThenBy(i => unseen[i]).ToArray();
            for (var rank = 0; rank < order.Length; rank++)
            {
                var id = unseen[order[rank]];
                var r = order.Length == 1 ? 1.0 : rank / (double)(order.Length - 1);
                sums[id] = sums.TryGetValue(id, out var s) ? (s.Sum + r, s.Count + 1) : (r, 1);
            }
        }
        var unscored = candidates.Where(id => !sums.ContainsKey(id)).ToList();
        if (unscored.Count > 0)
        {
            var first = dataset.GetSample(unscored[0]);
            throw new InvalidOperationException($"clip-score: every teacher trained on {unscored.Count} of the {candidates.Count} candidates (first: id {first.Id}, '{first.Key}'), so no teacher may score them; cross-fit with teachers whose training sets leave each candidate out of at least one");
        }
        return candidates.ToDictionary(id => id, id => (float)(sums[id].Sum / sums[id].Count));
    }
}
