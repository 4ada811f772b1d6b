using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using CsCheck;

namespace ClipHost.Engine.Tests.Fuzzing;

/// <summary>
/// Byte-level mutations of a valid input, the most productive fuzzing there is: flipped and overwritten bytes, cuts,
/// duplicated and deleted runs, and inserted tokens that parsers choke on (quotes, NULs, line ends, huge numbers,
/// deep nesting, odd Unicode, invalid UTF-8, path tricks). Positions are fractions of the current length, so a step
/// applies to whatever the previous steps left.
/// </summary>
public readonly record struct Mutation(int Kind, double At, double Span, int Pick)
{
    private const int Kinds = 8;

    private static readonly byte[][] Tokens =
    [
        .. new[]
        {
            "\"", "\"\"", "\0", "\r", "\n", "\r\n", ",", "\t", ";", "'", "\\", "/", "../", "../../../../../../etc/passwd", "/etc/passwd",
            "/dev/zero", "/proc/self/mem", "~", "*", "?", "%00", "99999999999999999999999999", "-1", "-0", "1e309", "NaN", "Infinity",
            "4294967296", "9223372036854775808", "0x7fffffff", "\u202E", "\u200B", "\uFEFF", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢", "e\u0301", "Ａ", "\u0085", "\u2028",
            "{", "}", "[", "]", ":", "null", "true", "{\"a\":", "\"\\u0000\"", "\"\\ud800\"", "<script>", "%s%n",
        }.Select(Encoding.UTF8.GetBytes),
        [0xE9], [0xFF], [0xFE, 0xFF], [0xFF, 0xFE], [0xC0, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0x80], [0xEF, 0xBB, 0xBF],
    ];

    private static readonly byte[] Interesting = [0x00, 0x01, 0x7F, 0x80, 0xFF, (byte)'"', (byte)',', (byte)'\n', (byte)'.', (byte)'/'];

    private static readonly int[] InterestingInts = [0, -1, 1, int.MaxValue, int.MinValue, 0x7FFF, 0xFFFF, 1 << 20, 50_000, 65_536];

    public static Gen<Mutation> Step { get; } = Gen.Select(Gen.Int[0, Kinds - 1], Gen.Double[0, 1], Gen.Double[0, 1], Gen.Int[0, 1 << 20], (k, a, s, p) => new Mutation(k, a, s, p));

    /// <summary>Up to <paramref name="max"/> mutations (none sometimes: the valid input is a case too) applied to <paramref name="valid"/>.</summary>
    public static Gen<(byte[] Bytes, string Applied)> Of(byte[] valid, int max = 4) =>
        Step.Array[0, max].Select(steps => Apply(valid, steps));

    public static (byte[] Bytes, string Applied) Apply(byte[] valid, Mutation[] steps)
    {
        var bytes = valid;
        var applied = new List<string>();
        foreach (var step in steps)
        {
            (bytes, var what) = step.Apply(bytes);
            applied.Add(what);
        }
        return (bytes, applied.Count == 0 ? "unmutated" : string.Join("; ", applied));
    }

    public (byte[] Bytes, string Applied) Apply(byte[] b)
    {
        var at = (int)(At * b.Length);
        var end = Math.Min(b.Length, at + 1 + (int)(Span * Span * 512));
        var inv = CultureInfo.InvariantCulture;
        switch (Kind)
        {
            case 0 when b.Length > 0:
                var flipped = (byte[])b.Clone();
                flipped[Math.Min(at, b.Length - 1)] ^= (byte)(1 << (Pick % 8));
                return (flipped, string.Create(inv, $"flip bit {Pick % 8} at {at}"));
            case 1 when b.Length > 0:
                var set = (byte[])b.Clone();
                set[Math.Min(at, b.Length - 1)] = Interesting[Pick % Interesting.Length];
                return (set, string.Create(inv, $"byte {at} = 0x{Interesting[Pick % Interesting.Length]:X2}"));
            case 2:
                return (b[..at], string.Create(inv, $"truncate at {at}"));
            case 3:
                return ([.. b[..at], .. b[end..]], string.Create(inv, $"delete {at}..{end}"));
            case 4:
                var copyAt = Pick % (b.Length + 1);
                return ([.. b[..copyAt], .. b[at..end], .. b[copyAt..]], string.Create(inv, $"duplicate {at}..{end} at {copyAt}"));
            case 5:
                var token = Tokens[Pick % Tokens.Length];
                return ([.. b[..at], .. token, .. b[at..]], string.Create(inv, $"insert token {Pick % Tokens.Length} at {at}"));
            case 6:
                // Deep nesting and huge fields: one token repeated up to a few thousand times.
                var repeated = Tokens[Pick % Tokens.Length];
                var times = 1 + (int)(Span * 4000);
                var run = Enumerable.Repeat(repeated, times).SelectMany(t => t).ToArray();
                return ([.. b[..at], .. run, .. b[at..]], string.Create(inv, $"insert token {Pick % Tokens.Length} x{times} at {at}"));
            case 7 when b.Length >= 4:
                var word = (byte[])b.Clone();
                var value = InterestingInts[Pick % InterestingInts.Length];
                var where = Math.Min(at, b.Length - 4);
                if (Span < 0.5)
                {
                    BinaryPrimitives.WriteInt32BigEndian(word.AsSpan(where), value);
                }
                else
                {
                    BinaryPrimitives.WriteInt32LittleEndian(word.AsSpan(where), value);
                }
                return (word, string.Create(inv, $"int32 {(Span < 0.5 ? "BE" : "LE")} {value} at {where}"));
            default:
                return ([.. b, .. Tokens[Pick % Tokens.Length]], string.Create(inv, $"append token {Pick % Tokens.Length}"));
        }
    }
}
