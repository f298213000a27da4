import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.util.Locale;
import java.util.StringTokenizer;

public class Mean {
    public static void main(String[] args) throws Exception {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in));
        int n = Integer.parseInt(in.readLine().trim());
        long sum = 0;
        int read = 0;
        while (read < n) {
            StringTokenizer st = new StringTokenizer(in.readLine());
            while (st.hasMoreTokens()) {
                sum += Long.parseLong(st.nextToken());
                read++;
            }
        }
        System.out.printf(Locale.ROOT, "%.9f%n", (double) sum / n);
    }
}
