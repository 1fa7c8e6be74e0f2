namespace Appliance.Sync.Reporting.Internal;

/// <summary>Sums for one KPI row, turned into the row's ratios and averages by <see cref="KpiCalculator"/>.</summary>
internal sealed class KpiTotals
{
    public int Offered { get; set; }

    public int Answered { get; set; }

    public int AnsweredWithinThreshold { get; set; }

    public int Abandoned { get; set; }

    public int ShortAbandoned { get; set; }

    public int AbandonedAfterThreshold { get; set; }

    public double HoldSeconds { get; set; }

    public double AbandonWaitSeconds { get; set; }

    public int Handled { get; set; }

    public double TalkSeconds { get; set; }

    public double WrapUpSeconds { get; set; }

    public double LoggedInSeconds { get; set; }

    public double BusySeconds { get; set; }

    public double AvailableSeconds { get; set; }
}
