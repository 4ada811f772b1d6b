namespace ClipHost.Modules.Augmentation;

/// <summary>Construction-time argument checks; NaN fails every one of them.</summary>
internal static class Require
{
    public static double Probability(double value, string name) => InRange(value, 0, 1, name);

    public static double InRange(double value, double min, double max, string name) =>
        value >= min && value <= max
            ? value
            : throw new ArgumentOutOfRangeException(name, value, $"{name} must be in [{min}, {max}].");

    public static double NonNegative(double value, string name) =>
        value >= 0 && double.IsFinite(value)
            ? value
            : throw new ArgumentOutOfRangeException(name, value, $"{name} must be a finite number >= 0.");

    public static int AtLeast(int value, int min, string name) =>
        value >= min ? value : throw new ArgumentOutOfRangeException(name, value, $"{name} must be at least {min}.");

    /// <summary>0 &lt; min &lt;= max &lt;= upper (upper may be infinity).</summary>
    public static void PositiveRange(double min, double max, double upper, string minName, string maxName)
    {
        if (!(max > 0 && max <= upper && double.IsFinite(max)))
        {
            throw new ArgumentOutOfRangeException(maxName, max, $"{maxName} must be in (0, {upper}].");
        }
        if (!(min > 0 && min <= max))
        {
            throw new ArgumentOutOfRangeException(minName, min, $"{minName} must be in (0, {maxName} = {max}].");
        }
    }
}
