namespace Appliance.HeadOffice.Tickets;

/// <summary>A head-office ticket change refused as asked (unknown ticket, stale revision, bad value); nothing was stored.</summary>
public sealed class TicketDeskException : Exception
{
    public TicketDeskException()
    {
    }

    public TicketDeskException(string message)
        : base(message)
    {
    }

    public TicketDeskException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
