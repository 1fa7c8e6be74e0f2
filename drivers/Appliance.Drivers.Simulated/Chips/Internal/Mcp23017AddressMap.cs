namespace Appliance.Drivers.Simulated.Chips.Internal;

/// <summary>
/// How the MCP23017 reads a register address and moves its address pointer, from the datasheet (section 3.2.1 and
/// the two control register maps):
/// BANK = 0 interleaves the ports (register n of port p at 2n + p, 0x00–0x15); BANK = 1 separates them (port A at
/// 0x00–0x0A, port B at 0x10–0x1A). With IOCON.SEQOP = 0 the pointer moves on after each byte and rolls over to 0x00
/// after the last register. With SEQOP = 1 (byte mode) it stays put, except that with BANK = 0 it toggles between the
/// A and B registers of a pair.
/// </summary>
internal static class Mcp23017AddressMap
{
    public const int LastAddressBank0 = 0x15;
    private const int PortBBase = 0x10;
    private const int LastRegister = (int)Mcp23017Register.Olat;

    /// <summary>The register and port (0 = A, 1 = B) at <paramref name="address"/>, or false where the map has none.</summary>
    public static bool TryDecode(int address, bool bank1, out Mcp23017Register register, out int port)
    {
        if (!bank1)
        {
            register = (Mcp23017Register)(address >> 1);
            port = address & 1;
            return address is >= 0 and <= LastAddressBank0;
        }

        register = (Mcp23017Register)(address & 0x0F);
        port = address >> 4;
        return address >= 0 && port <= 1 && (address & 0x0F) <= LastRegister;
    }

    /// <summary>The address the pointer holds after a byte at <paramref name="address"/>.</summary>
    public static int Next(int address, bool bank1, bool byteMode)
    {
        if (byteMode)
        {
            return bank1 ? address : address ^ 1;
        }

        if (!bank1)
        {
            return address >= LastAddressBank0 ? 0 : address + 1;
        }

        // The datasheet says only that the pointer rolls over after the last register; with BANK = 1 the simulation
        // also steps over the unused 0x0B–0x0F, so a sequential run goes from OLATA straight on to IODIRB.
        if ((address & 0x0F) < LastRegister)
        {
            return address + 1;
        }

        return address < PortBBase ? PortBBase : 0;
    }

    /// <summary>The implemented range of addresses, for error messages.</summary>
    public static string Describe(bool bank1) => bank1 ? "0x00–0x0A and 0x10–0x1A with IOCON.BANK = 1" : "0x00–0x15 with IOCON.BANK = 0";
}
