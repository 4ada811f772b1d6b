namespace ClipHost.Engine.Search;

/// <summary>
/// Which points of a crossed space the first rung trains when it cannot train them all. A plain random sample leaves
/// values untried (the acceptance search's draw of 9 of 81 had five ConvNeXt trials and no ViT + CLIP), so the draw is
/// balanced: when every axis has p levels, p prime, at most p + 1 axes and p² trials, an orthogonal array of strength 2
/// (every value of every axis p times, every pair of values of two axes exactly once: the L9 for four 3-valued
/// axes); otherwise every axis's values as evenly as the trial count allows, combined at random. The seed permutes
/// levels and columns, so another seed draws another balanced set. Written here because no served package builds
/// orthogonal arrays; the construction is the textbook one over the integers mod p (Bose's).
/// </summary>
public static class RecipeSearchDesign
{
    /// <summary>
    /// <paramref name="trials"/> distinct rows of level indices, one per axis of <paramref name="levels"/> (each the
    /// axis's level count); every row is a point of the crossed space. Needs fewer trials than points.
    /// </summary>
    public static IReadOnlyList<int[]> Rows(IReadOnlyList<int> levels, int trials, Random random)
    {
        ArgumentNullException.ThrowIfNull(levels);
        ArgumentNullException.ThrowIfNull(random);
        var p = levels.Count > 0 ? levels[0] : 0;
        var rows = p > 1 && trials == p * p && IsPrime(p) && levels.Count <= p + 1 && levels.All(l => l == p)
            ? OrthogonalArray(p, levels.Count, random)
            : BalancedMarginals(levels, trials, random);
        return rows;
    }

    /// <summary>The point's index in the crossed space's order (the last axis fastest, as <c>StudyExpansion</c> crosses).</summary>
    public static int Index(IReadOnlyList<int> levels, int[] row)
    {
        ArgumentNullException.ThrowIfNull(levels);
        ArgumentNullException.ThrowIfNull(row);
        var index = 0;
        for (var a = 0; a < levels.Count; a++)
        {
            index = (index * levels[a]) + row[a];
        }
        return index;
    }

    /// <summary>OA(p², k, p, 2): row (i, j) has column 0 = i and column c ≥ 1 = (j + (c - 1)·i) mod p; any two columns hold every pair once.</summary>
    private static List<int[]> OrthogonalArray(int p, int axes, Random random)
    {
        var columns = Enumerable.Range(0, p + 1).ToArray();
        random.Shuffle(columns);
        var relabel = Enumerable.Range(0, axes).Select(_ => Permutation(p, random)).ToArray();
        var rows = new List<int[]>();
        for (var i = 0; i < p; i++)
        {
            for (var j = 0; j < p; j++)
            {
                rows.Add([.. Enumerable.Range(0, axes).Select(a => relabel[a][columns[a] == 0 ? i : (j + ((columns[a] - 1) * i)) % p])]);
            }
        }
        return rows;
    }

    /// <summary>
    /// Each axis's levels spread evenly over the trials and shuffled alone; rows that came out twice are repaired by
    /// swapping one axis's values between two rows (which keeps every axis's counts), and only a space too small to
    /// allow that falls back to drawing the row again.
    /// </summary>
    private static List<int[]> BalancedMarginals(IReadOnlyList<int> levels, int trials, Random random)
    {
        // Whole shuffled rounds of each axis's levels, cut to the trial count: every value drawn n or n + 1 times, and
        // which values get the extra draw (or any draw, when the axis has more values than trials) is the seed's.
        var columns = levels.Select(l =>
        {
            var column = Enumerable.Range(0, (trials + l - 1) / l).SelectMany(_ => Permutation(l, random)).Take(trials).ToArray();
            random.Shuffle(column);
            return column;
        }).ToArray();
        int Distinct() => Enumerable.Range(0, trials).Select(t => Index(levels, [.. columns.Select(c => c[t])])).Distinct().Count();
        var distinct = Distinct();
        for (var attempt = 0; distinct < trials && attempt < 1000 * trials; attempt++)
        {
            var (axis, t, u) = (random.Next(levels.Count), random.Next(trials), random.Next(trials));
            (columns[axis][t], columns[axis][u]) = (columns[axis][u], columns[axis][t]);
            var after = Distinct();
            if (after < distinct)
            {
                (columns[axis][t], columns[axis][u]) = (columns[axis][u], columns[axis][t]);
            }
            distinct = Math.Max(distinct, after);
        }
        var seen = new HashSet<int>();
        var rows = new List<int[]>();
        for (var t = 0; t < trials; t++)
        {
            var row = columns.Select(c => c[t]).ToArray();
            while (!seen.Add(Index(levels, row)))
            {
                row = [.. levels.Select(l => random.Next(l))];
            }
            rows.Add(row);
        }
        return rows;
    }

    private static int[] Permutation(int n, Random random)
    {
        var order = Enumerable.Range(0, n).ToArray();
        random.Shuffle(order);
        return order;
    }

    private static bool IsPrime(int n) => n >= 2 && Enumerable.Range(2, Math.Max(0, (int)Math.Sqrt(n) - 1)).All(d => n % d != 0);
}
