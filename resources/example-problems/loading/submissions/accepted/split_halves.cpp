// Every load of each half of the boxes (meet in the middle) where n <= 36; otherwise a table of the
// reachable loads up to C (C is small there).
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <vector>
using namespace std;

int main() {
    int n;
    long long capacity;
    if (scanf("%d %lld", &n, &capacity) != 2) return 1;
    vector<long long> w(n);
    for (auto &x : w) scanf("%lld", &x);
    vector<int> chosen;
    if (n <= 36) {
        int a = n / 2, b = n - a;
        // sum[m]: the load of the boxes in mask m, from m without its lowest box.
        vector<long long> sum(1u << max(a, b));
        vector<pair<long long, uint32_t>> right;
        for (uint32_t m = 0; m < (1u << b); m++) {
            sum[m] = m == 0 ? 0 : sum[m & (m - 1)] + w[a + __builtin_ctz(m)];
            if (sum[m] <= capacity) right.push_back({sum[m], m});
        }
        sort(right.begin(), right.end());
        long long best = -1;
        uint32_t bestLeft = 0, bestRight = 0;
        for (uint32_t m = 0; m < (1u << a); m++) {
            sum[m] = m == 0 ? 0 : sum[m & (m - 1)] + w[__builtin_ctz(m)];
            long long s = sum[m];
            if (s > capacity) continue;
            auto it = upper_bound(right.begin(), right.end(), make_pair(capacity - s, UINT32_MAX));
            if (it == right.begin()) continue;
            --it;
            if (s + it->first > best) best = s + it->first, bestLeft = m, bestRight = it->second;
        }
        for (int i = 0; i < a; i++) if (bestLeft >> i & 1) chosen.push_back(i + 1);
        for (int i = 0; i < b; i++) if (bestRight >> i & 1) chosen.push_back(a + i + 1);
    } else {
        int c = (int)capacity;
        // reach[i][s]: a load of s from the first i boxes.
        vector<vector<char>> reach(n + 1, vector<char>(c + 1, 0));
        reach[0][0] = 1;
        for (int i = 1; i <= n; i++)
            for (int s = 0; s <= c; s++)
                reach[i][s] = reach[i - 1][s] || (s >= w[i - 1] && reach[i - 1][s - w[i - 1]]);
        int s = c;
        while (!reach[n][s]) s--;
        for (int i = n; i >= 1; i--)
            if (!reach[i - 1][s]) chosen.push_back(i), s -= (int)w[i - 1];
    }
    printf("%zu\n", chosen.size());
    for (size_t i = 0; i < chosen.size(); i++) printf("%d%c", chosen[i], i + 1 < chosen.size() ? ' ' : '\n');
    if (chosen.empty()) printf("\n");
}
