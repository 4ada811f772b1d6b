using System.Numerics;
using System.Runtime.InteropServices;

namespace ClipHost.Plugins.DataFilters.Basic;

/// <summary>
/// The kept 64-bit hashes, searched for the nearest one within a Hamming distance d. For d &lt;= 7 the bits are cut
/// into d + 1 bands of at least 8 bits, each indexed by its value: two hashes at most d bits apart agree on at least
/// one band (pigeonhole), so only hashes sharing a band are compared. Larger d would leave bands too narrow to narrow
/// anything, so it scans every kept hash: 20k candidates make 2e8 popcounts, about a second in a Debug build on a
/// busy 2-core machine.
/// </summary>
internal sealed class HammingIndex
{
    private const int MaxBandedDistance = 7;

    private readonly int _maxDistance;
    private readonly ulong[] _masks;
    private readonly Dictionary<ulong, List<int>>[] _bands;
    private readonly List<ulong> _hashes = [];
    private readonly List<int> _ids = [];

    public HammingIndex(int maxDistance)
    {
        _maxDistance = maxDistance;
        var bands = maxDistance <= MaxBandedDistance ? maxDistance + 1 : 0;
        _masks = new ulong[bands];
        _bands = new Dictionary<ulong, List<int>>[bands];
        for (var b = 0; b < bands; b++)
        {
            var (from, to) = (b * 64 / bands, (b + 1) * 64 / bands);
            _masks[b] = to - from == 64 ? ulong.MaxValue : ((1UL << (to - from)) - 1) << from;
            _bands[b] = [];
        }
    }

    /// <summary>Adds a kept hash; ids must be added in ascending order so that ties go to the lowest id.</summary>
    public void Add(ulong hash, int id)
    {
        var position = _hashes.Count;
        _hashes.Add(hash);
        _ids.Add(id);
        for (var b = 0; b < _masks.Length; b++)
        {
            var key = hash & _masks[b];
            if (!_bands[b].TryGetValue(key, out var list))
            {
                _bands[b][key] = list = [];
            }
            list.Add(position);
        }
    }

    /// <summary>The nearest kept hash within the distance (the lowest id among equals), or null.</summary>
    public (int Id, int Distance)? Nearest(ulong hash)
    {
        var (best, bestDistance) = (-1, _maxDistance + 1);
        var hashes = CollectionsMarshal.AsSpan(_hashes);
        if (_masks.Length == 0)
        {
            // Positions ascend with ids, so a strict improvement keeps the lowest id among equals.
            for (var position = 0; position < hashes.Length; position++)
            {
                var distance = BitOperations.PopCount(hash ^ hashes[position]);
                if (distance < bestDistance)
                {
                    (best, bestDistance) = (position, distance);
                }
            }
        }
        else
        {
            for (var b = 0; b < _masks.Length; b++)
            {
                if (!_bands[b].TryGetValue(hash & _masks[b], out var list))
                {
                    continue;
                }
                foreach (var position in list)
                {
                    var distance = BitOperations.PopCount(hash ^ hashes[position]);
                    if (distance < bestDistance || (distance == bestDistance && position < best))
                    {
                        (best, bestDistance) = (position, distance);
                    }
                }
            }
        }
        return best < 0 ? null : (_ids[best], bestDistance);
    }
}
