using System.Security.Cryptography;
using System.Text;

namespace ClipHost.Engine.Data.Store;

/// <summary>
/// Deterministic splits by seed over a group key. Every sample of a group (an emoji in all its styles and skin
/// tones, an image file's duplicates) lands in the same split, so held-out splits never leak into training.
/// </summary>
public sealed class SplitAssigner
{
    private readonly long _seed;
    private readonly double _val;
    private readonly double _test;

    public SplitAssigner(long seed, double valFraction, double testFraction)
    {
        if (valFraction < 0 || testFraction < 0 || valFraction + testFraction >= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(valFraction), "val and test fractions must be >= 0 and sum to less than 1");
        }
        (_seed, _val, _test) = (seed, valFraction, testFraction);
    }

    public string Assign(string group)
    {
        var u = Uniform(group);
        return u < _test ? Splits.Test : u < _test + _val ? Splits.Val : Splits.Train;
    }

    private double Uniform(string group)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes($"{_seed}\n{group}"), hash);
        return (BitConverter.ToUInt64(hash) >> 11) * (1.0 / (1UL << 53));
    }
}
