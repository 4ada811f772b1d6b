namespace ClipHost.Engine.Filtering;

/// <summary>
/// A filter judged as a detector of planted mismatched captions: of the <paramref name="In"/> planted pairs among its
/// candidates it dropped <paramref name="Dropped"/>. Recall is the share of planted pairs dropped; precision the share
/// of everything dropped that was planted.
/// </summary>
public sealed record PlantedCount(int In, int Dropped, int AllDropped)
{
    public double? Recall => In == 0 ? null : Dropped / (double)In;

    public double? Precision => AllDropped == 0 ? null : Dropped / (double)AllDropped;
}
